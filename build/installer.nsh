; Ringdesk's additions to electron-builder's NSIS installer (build/electron-builder.json,
; nsis.include). The installer is per-user and never asks for admin rights, so everything here
; goes under HKEY_CURRENT_USER.
;
; Install:
;  - a ProgID for the links, and Capabilities with URLAssociations for tel, callto, phone and sip,
;    named in RegisteredApplications, so that Ringdesk is listed in Settings > Apps > Default apps,
;    where Windows 10/11 lets the user make it the handler (an app cannot make itself the default
;    there). sip is only listed: the app registers it when the settings say so (links.sip);
;  - tel:, callto: and phone: open "Ringdesk.exe" "--" "<link>": exactly the command Electron's
;    app.setAsDefaultProtocolClient writes (each argument quoted), so the uninstaller still
;    recognises it after the app renewed it; the link follows the -- guard so it can never become
;    a Chromium or Node switch (CVE-2018-1000006). A scheme whose per-user command belongs to
;    another application is left alone: the user chooses in Default Apps.
; Update (--updated, electron-builder's ${isUpdated}): the old uninstaller unregisters nothing and
;    the new installer re-registers no scheme; only the declarations (ProgID, Capabilities) are
;    written again, so a new version's list reaches Default Apps.
; Uninstall: removes the declarations, and each scheme whose command is still Ringdesk's; a scheme
;    another application has taken over since is left as it is. Nothing is restored that Ringdesk
;    did not write.

!define RINGDESK_PROGID "Ringdesk.PhoneLink"
!define RINGDESK_CLIENT_KEY "Software\Clients\Internet Call\Ringdesk"
!define RINGDESK_CAPABILITIES "${RINGDESK_CLIENT_KEY}\Capabilities"
!define RINGDESK_COMMAND '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "--" "%1"'
; The unquoted guard, as earlier installers wrote it: removed too.
!define RINGDESK_COMMAND_UNQUOTED '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" -- "%1"'
!define RINGDESK_ICON "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"

!macro ringdeskRegisterScheme SCHEME
  Push $0
  ClearErrors
  ReadRegStr $0 HKCU "Software\Classes\${SCHEME}\shell\open\command" ""
  ${If} $0 == ""
  ${OrIf} $0 == '${RINGDESK_COMMAND}'
  ${OrIf} $0 == '${RINGDESK_COMMAND_UNQUOTED}'
    WriteRegStr HKCU "Software\Classes\${SCHEME}" "" "URL:${SCHEME} link"
    WriteRegStr HKCU "Software\Classes\${SCHEME}" "URL Protocol" ""
    WriteRegStr HKCU "Software\Classes\${SCHEME}\DefaultIcon" "" "${RINGDESK_ICON}"
    WriteRegStr HKCU "Software\Classes\${SCHEME}\shell\open\command" "" '${RINGDESK_COMMAND}'
  ${EndIf}
  Pop $0
!macroend

!macro ringdeskUnregisterScheme SCHEME
  Push $0
  ReadRegStr $0 HKCU "Software\Classes\${SCHEME}\shell\open\command" ""
  StrCmp $0 '${RINGDESK_COMMAND}' ringdesk_delete_${SCHEME}
  StrCmp $0 '${RINGDESK_COMMAND_UNQUOTED}' ringdesk_delete_${SCHEME} ringdesk_keep_${SCHEME}
  ringdesk_delete_${SCHEME}:
    DeleteRegKey HKCU "Software\Classes\${SCHEME}"
  ringdesk_keep_${SCHEME}:
  Pop $0
!macroend

!macro customInstall
  WriteRegStr HKCU "Software\Classes\${RINGDESK_PROGID}" "" "Ringdesk phone link"
  WriteRegStr HKCU "Software\Classes\${RINGDESK_PROGID}" "FriendlyTypeName" "Ringdesk phone link"
  WriteRegStr HKCU "Software\Classes\${RINGDESK_PROGID}\DefaultIcon" "" "${RINGDESK_ICON}"
  WriteRegStr HKCU "Software\Classes\${RINGDESK_PROGID}\shell\open\command" "" '${RINGDESK_COMMAND}'

  WriteRegStr HKCU "${RINGDESK_CLIENT_KEY}" "" "${PRODUCT_NAME}"
  WriteRegStr HKCU "${RINGDESK_CAPABILITIES}" "ApplicationName" "${PRODUCT_NAME}"
  WriteRegStr HKCU "${RINGDESK_CAPABILITIES}" "ApplicationDescription" "Caller popups and click-to-dial for service-desk agents"
  WriteRegStr HKCU "${RINGDESK_CAPABILITIES}" "ApplicationIcon" "${RINGDESK_ICON}"
  WriteRegStr HKCU "${RINGDESK_CAPABILITIES}\URLAssociations" "tel" "${RINGDESK_PROGID}"
  WriteRegStr HKCU "${RINGDESK_CAPABILITIES}\URLAssociations" "callto" "${RINGDESK_PROGID}"
  WriteRegStr HKCU "${RINGDESK_CAPABILITIES}\URLAssociations" "phone" "${RINGDESK_PROGID}"
  WriteRegStr HKCU "${RINGDESK_CAPABILITIES}\URLAssociations" "sip" "${RINGDESK_PROGID}"
  WriteRegStr HKCU "Software\RegisteredApplications" "${PRODUCT_NAME}" "${RINGDESK_CAPABILITIES}"

  ${IfNot} ${isUpdated}
    !insertmacro ringdeskRegisterScheme "tel"
    !insertmacro ringdeskRegisterScheme "callto"
    !insertmacro ringdeskRegisterScheme "phone"
  ${EndIf}

  ; SHCNE_ASSOCCHANGED: Explorer and Default apps re-read the associations.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  ${IfNot} ${isUpdated}
    DeleteRegValue HKCU "Software\RegisteredApplications" "${PRODUCT_NAME}"
    DeleteRegKey HKCU "${RINGDESK_CLIENT_KEY}"
    DeleteRegKey HKCU "Software\Classes\${RINGDESK_PROGID}"
    !insertmacro ringdeskUnregisterScheme "tel"
    !insertmacro ringdeskUnregisterScheme "callto"
    !insertmacro ringdeskUnregisterScheme "phone"
    !insertmacro ringdeskUnregisterScheme "sip"
    System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  ${EndIf}
!macroend
