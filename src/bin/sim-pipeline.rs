//! The `sim-pipeline` feature module: one simulator as a wasm binary of its own,
//! mounted into the app's page or alone on the embed page (see
//! `canary::modules`).

canary::simulator_module!(canary::widgets::pipeline::PipelineWidget, "pipeline");
