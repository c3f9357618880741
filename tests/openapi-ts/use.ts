// A tiny typed use of the client types openapi-typescript generates from openapi.json (see
// package.json). `tsc --noEmit` checks it: an operation, a field or a status that goes missing
// or changes type in the document fails the test command.
import type { components, paths } from "./generated/api";

type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;

// GET /api/v1/meta: what the app reads first.
type Meta = Json<paths["/api/v1/meta"]["get"]["responses"][200]>;
export const meta: Meta = { demo: true, hotline: "12345", version: "0.1.0" };

// POST /api/v1/marriage/bookings: a booking request, its required Idempotency-Key, its answers.
type Booking = paths["/api/v1/marriage/bookings"]["post"];
type BookingBody = Json<NonNullable<Booking["requestBody"]>>;
export const booking: BookingBody = {
  kind: "marriage",
  slot_id: "slot-1",
  party_a: { birth_date: "", nationality: "CN", sex: "male" },
  party_b: {
    birth_date: "",
    id_number: "11010519491231002X",
    id_type: "resident_id",
    name: "王芳",
    nationality: "CN",
    phone: "13800138001",
    sex: "female",
  },
};
export const headers: Booking["parameters"]["header"] = { "Idempotency-Key": "booking-0001" };
export const booked: components["schemas"]["Booking"] | undefined = undefined as
  | Json<Booking["responses"][200]>
  | undefined;

// Every failure is the one error shape, whatever the status, including the common ones.
type Failure = Json<Booking["responses"][415]> | Json<Booking["responses"][405]> | Json<Booking["responses"][422]>;
export const refused: Failure = { code: "unsupported_media_type", message: "Expected JSON" };
export const invalid: components["schemas"]["ApiError"] = {
  code: "validation",
  message: "Some fields are invalid",
  fields: { "party_b.phone": "phone.format" },
};

// A memorial booking is its own schema, not marriage's (the two once shared the name).
export const visit: components["schemas"]["MemorialBookingRequest"] = {
  slot_id: "slot-9",
  group_size: 2,
  deceased_name: "李明",
  grave: { area: "A", row: "3", number: "12" },
};
