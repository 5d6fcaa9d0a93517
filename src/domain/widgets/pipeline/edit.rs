//! The builder's moves: stages and actions reordered by drag and drop or
//! by the up/down buttons.

use super::*;

/// Where something is dragged or moved to in the builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Before the stage at this index (`len` for the end).
    Stage(usize),
    /// Before the action at this index of this stage (`len` for the end).
    Action(usize, usize),
}

/// Moves stage `from` so that it lands where `to` was; out-of-range
/// indices leave the pipeline as it is.
pub fn move_stage(stages: &mut Vec<Stage>, from: usize, to: usize) {
    if from >= stages.len() || to > stages.len() || from == to {
        return;
    }
    let stage = stages.remove(from);
    let to = if to > from { to - 1 } else { to };
    stages.insert(to.min(stages.len()), stage);
}

/// Moves action `ai` of stage `si` before action `to_ai` of stage `to_si`
/// (`to_ai` = that stage's length appends it); indices are those before
/// the move, as a drop target reports them.
pub fn move_action(stages: &mut [Stage], (si, ai): (usize, usize), (to_si, to_ai): (usize, usize)) {
    if si >= stages.len() || ai >= stages[si].actions.len() || to_si >= stages.len() {
        return;
    }
    if to_ai > stages[to_si].actions.len() || (si == to_si && (to_ai == ai || to_ai == ai + 1)) {
        return;
    }
    let action = stages[si].actions.remove(ai);
    let to_ai = if si == to_si && to_ai > ai {
        to_ai - 1
    } else {
        to_ai
    };
    stages[to_si].actions.insert(to_ai, action);
}

/// What a drop does: the dragged stage or action takes the place of what it
/// is dropped on. A stage dropped on a later stage (or on one of its
/// actions) goes after it; an action dropped on a later action of its own
/// stage goes after it; anything else goes before; an action dropped on a
/// stage's free space goes to that stage's end.
pub fn drop_onto(stages: &mut Vec<Stage>, from: Place, onto: Place) {
    match (from, onto) {
        (Place::Stage(a), Place::Stage(b) | Place::Action(b, _)) => {
            move_stage(stages, a, if b > a { b + 1 } else { b });
        }
        (Place::Action(si, ai), Place::Stage(b)) => {
            let end = stages.get(b).map_or(0, |st| st.actions.len());
            move_action(stages, (si, ai), (b, end));
        }
        (Place::Action(si, ai), Place::Action(b, bi)) => {
            let to = if si == b && bi > ai { bi + 1 } else { bi };
            move_action(stages, (si, ai), (b, to));
        }
    }
}
