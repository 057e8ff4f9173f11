/** Desktop notifications (Notification API) for DMs and mentions while the tab is hidden. */

/** True when the browser can show notifications and has not been asked yet. */
export function canAskNotificationPermission(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'default';
}

/** Asks for permission; call from a user gesture (browsers ignore it otherwise). */
export function askNotificationPermission(then?: () => void): void {
  if (!canAskNotificationPermission()) return;
  void Notification.requestPermission().then(() => then?.(), () => undefined);
}

/** Shows a notification when the page is hidden and permission was given; onClick opens its buffer. */
export function notify(title: string, body: string, tag: string, onClick: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || !document.hidden) return;
  try {
    const n = new Notification(title, { body: body.slice(0, 300), tag });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    /* some platforms only allow notifications from a service worker */
  }
}
