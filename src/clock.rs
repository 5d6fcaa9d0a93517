//! Reads the browser's clock once per use, for the pure code that takes time
//! as an argument.

use crate::domain::stats::Clock;

#[cfg(target_arch = "wasm32")]
pub fn now() -> Clock {
    let date = js_sys::Date::new_0();
    Clock {
        now: date.get_time() as i64,
        offset_minutes: -(date.get_timezone_offset() as i32),
    }
}

/// Natively (the build's prerenderer and the render tests) the system clock
/// in UTC: prerendered pages show a fresh learner's view, where the time of
/// day changes nothing.
#[cfg(not(target_arch = "wasm32"))]
pub fn now() -> Clock {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    Clock {
        now,
        offset_minutes: 0,
    }
}
