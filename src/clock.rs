//! Reads the browser's clock once per use, for the pure code that takes time
//! as an argument.

use crate::domain::stats::Clock;

pub fn now() -> Clock {
    let date = js_sys::Date::new_0();
    Clock {
        now: date.get_time() as i64,
        offset_minutes: -(date.get_timezone_offset() as i32),
    }
}
