/**
 * On Apps Script, script code reads local time (new Date(2026, 0, 1), getDate()) in the script's time zone. A vm
 * context shares the Node process's zone, and Jest sandboxes process.env so TZ cannot be switched per test; so
 * the context's Date is replaced by a subclass whose local-time constructor, getters and setters use the
 * spreadsheet's zone. Instants, UTC methods and ISO strings are unchanged.
 */
import vm from 'node:vm';
import { wallClock } from './values';

/** Minutes the zone is ahead of UTC at an instant (Date.getTimezoneOffset has the opposite sign). */
function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const w = wallClock(new Date(ms), timeZone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((wallMs - Math.floor(ms / 1000) * 1000) / 60_000);
}

const INSTALL = `(function (offsetOf) {
  var NativeDate = Date;
  var MIN = 60000;
  function toUtc(wallMs) {
    var t = wallMs - offsetOf(wallMs) * MIN;
    return wallMs - offsetOf(t) * MIN;
  }
  function shifted(d) { return new NativeDate(NativeDate.prototype.getTime.call(d) + offsetOf(NativeDate.prototype.getTime.call(d)) * MIN); }
  class ZonedDate extends NativeDate {
    constructor() {
      var a = arguments;
      if (a.length >= 2) super(toUtc(NativeDate.UTC.apply(null, a)));
      else if (a.length === 1) super(a[0] instanceof NativeDate ? NativeDate.prototype.getTime.call(a[0]) : a[0]);
      else super();
    }
    getTimezoneOffset() { return -offsetOf(this.getTime()); }
  }
  ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'].forEach(function (f) {
    ZonedDate.prototype['get' + f] = function () { return shifted(this)['getUTC' + f](); };
    if (f === 'Day') return;
    ZonedDate.prototype['set' + f] = function () {
      var s = shifted(this);
      s['setUTC' + f].apply(s, arguments);
      return this.setTime(toUtc(s.getTime()));
    };
  });
  globalThis.Date = ZonedDate;
})`;

/** Makes `new Date(y, m, d)` and local getters in the context follow the given zone. */
export function installZonedDate(context: vm.Context, timeZone: string): void {
  const install = vm.runInContext(INSTALL, context) as (offsetOf: (ms: number) => number) => void;
  install((ms) => zoneOffsetMinutes(ms, timeZone));
}
