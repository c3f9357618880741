//! The contract of the marriage registration booking (婚姻登记预约) journey: its request/response types and its rules,
//! enforced by both the app and the server. (Empty until the journey is built.)
