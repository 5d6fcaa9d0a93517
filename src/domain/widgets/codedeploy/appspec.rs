//! A sample AppSpec file for a platform, with one hook entry for every
//! lifecycle event that can run one.

use super::{Lifecycle, PlatformId};

/// An AppSpec file for the platform, with a hook entry for every event
/// of `lifecycle` that can run one. Names and layout follow the AppSpec
/// reference; resource names are placeholders to edit.
pub fn appspec(platform: PlatformId, lifecycle: &Lifecycle) -> String {
    let hooks: Vec<&str> = lifecycle
        .events
        .iter()
        .filter(|e| e.scriptable)
        .map(|e| e.name.as_str())
        .collect();
    let mut out = String::from("version: 0.0\n");
    match platform {
        PlatformId::Server => {
            out.push_str(
                "os: linux\nfiles:\n  - source: /\n    destination: /var/www/app\nhooks:\n",
            );
            for h in hooks {
                out.push_str(&format!(
                    "  {h}:\n    - location: scripts/{}.sh\n      timeout: 300\n      runas: root\n",
                    kebab(h)
                ));
            }
        }
        PlatformId::Lambda => {
            out.push_str(
                "Resources:\n  - MyFunction:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: my-function\n        Alias: live\n        CurrentVersion: \"1\"\n        TargetVersion: \"2\"\nHooks:\n",
            );
            for h in hooks {
                out.push_str(&format!("  - {h}: \"{h}HookFunction\"\n"));
            }
        }
        PlatformId::Ecs => {
            out.push_str(
                "Resources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: \"arn:aws:ecs:us-east-1:111122223333:task-definition/web:2\"\n        LoadBalancerInfo:\n          ContainerName: \"web\"\n          ContainerPort: 80\nHooks:\n",
            );
            for h in hooks {
                out.push_str(&format!("  - {h}: \"{h}HookFunction\"\n"));
            }
        }
    }
    out
}

fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::widgets::codedeploy::{DeploymentType, LifecycleEvent};

    fn lifecycle(names: &[(&str, bool)]) -> Lifecycle {
        Lifecycle {
            platform: PlatformId::Lambda,
            kind: DeploymentType::BlueGreen,
            events: names
                .iter()
                .map(|(n, s)| LifecycleEvent {
                    name: (*n).into(),
                    scriptable: *s,
                    validation: false,
                    note: String::new(),
                })
                .collect(),
            source: String::new(),
        }
    }

    #[test]
    fn only_scriptable_events_get_hooks() {
        let l = lifecycle(&[
            ("BeforeAllowTraffic", true),
            ("AllowTraffic", false),
            ("AfterAllowTraffic", true),
        ]);
        let yaml = appspec(PlatformId::Lambda, &l);
        assert!(yaml.contains("  - BeforeAllowTraffic: \"BeforeAllowTrafficHookFunction\"\n"));
        assert!(yaml.contains("AfterAllowTraffic"));
        assert!(!yaml.contains("- AllowTraffic"));
        let server = appspec(
            PlatformId::Server,
            &lifecycle(&[("ApplicationStop", true), ("DownloadBundle", false)]),
        );
        assert!(server
            .contains("hooks:\n  ApplicationStop:\n    - location: scripts/application-stop.sh"));
        assert!(!server.contains("DownloadBundle"));
    }
}
