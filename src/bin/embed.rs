//! Browser entry point of the embed build (`embed/`): only the simulators,
//! each alone in its frame, so a blog post that embeds one downloads a
//! fraction of the app. Other embed routes (a question, a quiz) need the
//! question bank and the practice loop: they are handed to the full app.

fn main() {
    #[cfg(feature = "ui")]
    canary::embed::start();
}
