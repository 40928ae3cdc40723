// Dates and times typed by people: day-first with dots as in the region, or ISO.
export { readTypedDate, readTypedDateTime, isoDateOf, mrzDateOf, type TypedDate, type TypedDateTime } from './typed-date';
