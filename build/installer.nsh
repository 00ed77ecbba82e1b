; Ringdesk's additions to electron-builder's NSIS installer (build/electron-builder.json,
; nsis.include). The installer is per-user and never asks for admin rights, so everything here
; goes under HKEY_CURRENT_USER.
;
; Install:
;  - tel:, callto: and phone: open "Ringdesk.exe" "--" "<link>": exactly the command Electron's
;    app.setAsDefaultProtocolClient writes at start-up (each argument quoted), so the uninstaller
;    still recognises it after the app renewed it; the link follows the -- guard so it can
;    never become a Chromium or Node switch (CVE-2018-1000006);
;  - a ProgID for the links, and Capabilities with URLAssociations, named in RegisteredApplications,
;    so that Ringdesk is listed in Settings > Apps > Default apps, where Windows 10/11 lets the user
;    make it the handler (an app cannot make itself the default there).
; Uninstall: removes all of it; a scheme is left alone when another application has taken it over
; since (its command is no longer Ringdesk's).

!define RINGDESK_PROGID "Ringdesk.PhoneLink"
!define RINGDESK_CLIENT_KEY "Software\Clients\Internet Call\Ringdesk"
!define RINGDESK_CAPABILITIES "${RINGDESK_CLIENT_KEY}\Capabilities"
!define RINGDESK_COMMAND '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "--" "%1"'
; The unquoted guard, as earlier installers wrote it: removed too.
!define RINGDESK_COMMAND_UNQUOTED '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" -- "%1"'
!define RINGDESK_ICON "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"

!macro ringdeskRegisterScheme SCHEME
  WriteRegStr HKCU "Software\Classes\${SCHEME}" "" "URL:${SCHEME} link"
  WriteRegStr HKCU "Software\Classes\${SCHEME}" "URL Protocol" ""
  WriteRegStr HKCU "Software\Classes\${SCHEME}\DefaultIcon" "" "${RINGDESK_ICON}"
  WriteRegStr HKCU "Software\Classes\${SCHEME}\shell\open\command" "" '${RINGDESK_COMMAND}'
  WriteRegStr HKCU "${RINGDESK_CAPABILITIES}\URLAssociations" "${SCHEME}" "${RINGDESK_PROGID}"
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
  !insertmacro ringdeskRegisterScheme "tel"
  !insertmacro ringdeskRegisterScheme "callto"
  !insertmacro ringdeskRegisterScheme "phone"
  WriteRegStr HKCU "Software\RegisteredApplications" "${PRODUCT_NAME}" "${RINGDESK_CAPABILITIES}"

  ; SHCNE_ASSOCCHANGED: Explorer and Default apps re-read the associations.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  DeleteRegValue HKCU "Software\RegisteredApplications" "${PRODUCT_NAME}"
  DeleteRegKey HKCU "${RINGDESK_CLIENT_KEY}"
  DeleteRegKey HKCU "Software\Classes\${RINGDESK_PROGID}"
  !insertmacro ringdeskUnregisterScheme "tel"
  !insertmacro ringdeskUnregisterScheme "callto"
  !insertmacro ringdeskUnregisterScheme "phone"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
