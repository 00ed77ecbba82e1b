/**
 * Reading Asterisk channel names: `PJSIP/12-0000002a` is a call leg of device `PJSIP/12`;
 * `Local/12@from-internal-00000001;1` is half of a dialplan helper channel, never a phone.
 * Asterisk 11 also renames channels during masquerades (`SIP/12-00000000<MASQ>`,
 * `…<ZOMBIE>`); those names are no longer the phone's.
 */

/** The parts of `Tech/resource-suffix`, or null when the name has another shape. */
function parts(name: string): { tech: string; resource: string; suffix: string } | null {
  const slash = name.indexOf('/');
  const dash = name.lastIndexOf('-');
  if (slash <= 0 || dash <= slash + 1) return null;
  return { tech: name.slice(0, slash), resource: name.slice(slash + 1, dash), suffix: name.slice(dash + 1) };
}

/** True for `Local/…` channels (dialplan helpers). */
export function isLocalChannel(name: string): boolean {
  return /^local\//i.test(name);
}

/**
 * A test for "is this channel a call leg of the agent's phone?".
 *
 * - `line` `"12"` matches `PJSIP/12-…`, `SIP/12-…`, `IAX2/12-…` (any technology but Local);
 * - `line` `"PJSIP/12"` matches `PJSIP/12-…` only (technology compared without case).
 *
 * The suffix after the last dash MUST be the hexadecimal leg number, so renamed zombies and
 * masquerade leftovers never count as the phone.
 */
export function watchedChannelMatcher(line: string): (channel: string) => boolean {
  const slash = line.indexOf('/');
  const tech = slash === -1 ? null : line.slice(0, slash).toLowerCase();
  const resource = slash === -1 ? line : line.slice(slash + 1);
  return (channel) => {
    const leg = parts(channel);
    if (leg === null || leg.resource !== resource || !/^[0-9a-f]{1,16}$/i.test(leg.suffix)) return false;
    const legTech = leg.tech.toLowerCase();
    return tech === null ? legTech !== 'local' : legTech === tech;
  };
}

/**
 * A test for "is this the first channel an `Originate` of `originateChannel` created?":
 * `PJSIP/12` creates `PJSIP/12-…`; `Local/12@ctx` creates `Local/12@ctx-…;1` (and its `;2`
 * half, which is not the one that was originated). A Local channel's options (`Local/12@ctx/n`)
 * are not part of its name (channels/chan_local.c, main/core_local.c `local_alloc` cut them off).
 */
export function originatedChannelMatcher(originateChannel: string): (channel: string) => boolean {
  const local = isLocalChannel(originateChannel);
  const base = local ? originateChannel.replace(/^(local\/[^/]*)\/.*$/i, '$1') : originateChannel;
  const escaped = base.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // `Local/12` without a context gets Asterisk's default one: `Local/12@default-…;1`.
  const context = local && !base.includes('@') ? '@[^;]*' : '';
  const leg = local ? '[0-9a-f]{1,16};1' : '[0-9a-f]{1,16}';
  const pattern = new RegExp(`^${escaped}${context}-${leg}$`);
  return (channel) => pattern.test(channel.toLowerCase());
}
