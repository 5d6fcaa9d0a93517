//! Learner settings that are pure values: the theme choice and how it is
//! stored as text.

/// The colour theme: follow the system, or a fixed choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Unknown or missing values fall back to following the system.
    pub fn parse(s: Option<&str>) -> Theme {
        match s {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::Auto => "System",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    /// The theme a one-click toggle moves to, given what is shown now.
    pub fn toggled(self, system_dark: bool) -> Theme {
        let dark_now = match self {
            Theme::Auto => system_dark,
            Theme::Light => false,
            Theme::Dark => true,
        };
        if dark_now {
            Theme::Light
        } else {
            Theme::Dark
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_falls_back() {
        for t in Theme::ALL {
            assert_eq!(Theme::parse(Some(t.as_str())), t);
        }
        assert_eq!(Theme::parse(Some("purple")), Theme::Auto);
        assert_eq!(Theme::parse(None), Theme::Auto);
    }

    #[test]
    fn toggle_flips_what_is_shown() {
        assert_eq!(Theme::Auto.toggled(true), Theme::Light);
        assert_eq!(Theme::Auto.toggled(false), Theme::Dark);
        assert_eq!(Theme::Dark.toggled(false), Theme::Light);
        assert_eq!(Theme::Light.toggled(true), Theme::Dark);
    }
}
