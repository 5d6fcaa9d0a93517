//! The Auto Scaling lifecycle model: an instance stepped through scale-out
//! and scale-in with optional launch and terminate hooks (heartbeat timeout,
//! default result, heartbeats, completion, timeouts and the global cap) and
//! an optional warm pool (launch into the pool, draw from it, return to it on
//! scale-in) and retention of abandoned terminations, the EventBridge events
//! each step emits with their origin and
//! destination, and which instance a scale-in removes under each termination
//! policy.
//!
//! Split by seam: [`facts`] (what `content/widgets/asg.toml` holds, and its
//! checks), [`sim`] (the lifecycle state machine, hooks, warm pool and
//! retention) and [`termination`] (the termination-policy picker).

mod facts;
mod sim;
mod termination;

pub use facts::*;
pub use sim::*;
pub use termination::*;

#[cfg(test)]
pub(crate) mod tests;
