// Expand iCalendar files the way Thunderbird does, with ical.js (npm "ical.js", Thunderbird's Ical.sys.mjs).
//
//   node tests/outputs/feeds/expand.mjs FROM UNTIL FILE...   (FROM/UNTIL: YYYY-MM-DD, UTC)
//
// Prints one JSON object: file → list of [uid, start, end, status, summary], where start/end are
// "YYYY-MM-DD" for all-day values and UTC "YYYY-MM-DDTHH:MM:SSZ" otherwise. As in Thunderbird, the
// file's VTIMEZONEs are registered with ICAL.TimezoneService before any time is read, and overrides
// (RECURRENCE-ID) are attached to their series with relateException().
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [from, until, ...files] = process.argv.slice(2);
const rangeStart = ICAL.Time.fromDateString(from);
const rangeEnd = ICAL.Time.fromDateString(until);
const utc = ICAL.Timezone.utcTimezone;

function show(time) {
  if (time.isDate) return time.toString();
  if (time.zone === ICAL.Timezone.localTimezone || !time.zone) throw new Error(`floating time ${time}`);
  return time.convertToZone(utc).toString();
}

function occurrences(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const masters = new Map();
  const exceptions = [];
  for (const component of calendar.getAllSubcomponents("vevent")) {
    // Without `exceptions`, ICAL.Event would attach every override of the whole file to each series,
    // whatever its UID; Thunderbird relates them by UID, as done below.
    const event = new ICAL.Event(component, { strictExceptions: true, exceptions: [] });
    if (event.isRecurrenceException()) exceptions.push(event);
    else masters.set(event.uid, event);
  }
  for (const exception of exceptions) {
    const master = masters.get(exception.uid);
    if (!master) throw new Error(`override without series: ${exception.uid}`);
    master.relateException(exception);
  }
  const result = [];
  const add = (uid, details) => {
    const item = details.item;
    result.push([
      uid,
      show(details.startDate),
      show(details.endDate),
      item.component.getFirstPropertyValue("status") || "",
      item.summary,
    ]);
  };
  for (const [uid, event] of masters) {
    if (!event.isRecurring()) {
      if (event.endDate.compare(rangeStart) > 0 && event.startDate.compare(rangeEnd) < 0) {
        add(uid, { item: event, startDate: event.startDate, endDate: event.endDate });
      }
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      if (details.startDate.compare(rangeEnd) >= 0 && next.compare(rangeEnd) >= 0) break;
      if (details.endDate.compare(rangeStart) > 0 && details.startDate.compare(rangeEnd) < 0) add(uid, details);
    }
  }
  return result;
}

const output = {};
for (const file of files) {
  output[file] = occurrences(readFileSync(file, "utf8"));
}
process.stdout.write(JSON.stringify(output));
