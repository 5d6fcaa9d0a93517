// End-to-end: the CodeDeploy picker and the DR chooser, driven like a learner
// would, with state kept in the URL; and their embed routes.
import { test } from '@playwright/test';
import { expect, watchErrors } from './helpers.mjs';

test('CodeDeploy picker: platform, configuration and outputs update live', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/widgets');
  await page.getByRole('link', { name: 'Open the picker' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CodeDeploy deployment configurations');

  // EC2/On-premises in-place: batches from minimum healthy hosts.
  await page.getByLabel('Deployment configuration').selectOption('CodeDeployDefault.HalfAtATime');
  await page.getByLabel('Instances in the deployment group').fill('5');
  await page.getByLabel('Instances in the deployment group').blur();
  await expect(page.locator('.batch-summary')).toContainText('3 of 5 instances must stay healthy');
  await expect(page.locator('.batch-summary strong')).toHaveText('2 + 2 + 1');
  await expect(page.locator('.events li[data-event="BeforeInstall"]')).toBeVisible();
  // Fail the last instance: 4 of 5 still reach the minimum of 3.
  await page.getByLabel('Instance that fails (0 = none)').fill('5');
  await page.getByLabel('Instance that fails (0 = none)').blur();
  await expect(page.locator('.verdict')).toHaveAttribute('data-verdict', 'succeeded');
  // Blue/green reroutes to up to half the replacement instances at a time.
  await page.getByRole('radio', { name: 'Blue/green' }).check();
  await expect(page.locator('#cd-traffic-desc')).toContainText('0 min: 40 %');
  await expect(page.locator('.batches li[data-fact="blue-green-needs-load-balancer"]')).toBeVisible();

  // Lambda: in-place is not offered, with the reason.
  await page.getByRole('radio', { name: 'AWS Lambda' }).check();
  const inPlace = page.getByRole('radio', { name: /In-place/ });
  await expect(inPlace).toBeDisabled();
  await expect(page.locator('label.unavailable .why-not')).toContainText('not available');
  await page.getByLabel('Deployment configuration').selectOption('CodeDeployDefault.LambdaLinear10PercentEvery1Minute');
  await expect(page.locator('.traffic .headline')).toHaveText('9 minutes to 100 %');
  await expect(page.locator('#cd-traffic-desc')).toContainText('0 min: 10 %');
  await expect(page.locator('#cd-traffic-desc')).toContainText('9 min: 100 %');
  await expect(page.locator('.events li.validation[data-event="BeforeAllowTraffic"]')).toBeVisible();
  await expect(page.locator('.appspec')).toContainText('Hooks:');
  await expect(page.locator('.appspec')).toContainText('BeforeAllowTraffic');

  // Custom canary.
  await page.getByLabel('Deployment configuration').selectOption('custom');
  await page.getByLabel('Traffic shifting').selectOption('canary');
  await page.getByLabel('Canary percentage').fill('20');
  await page.getByLabel('Canary percentage').blur();
  await page.getByLabel('Interval (minutes)').fill('15');
  await page.getByLabel('Interval (minutes)').blur();
  await expect(page.locator('.traffic .headline')).toHaveText('15 minutes to 100 %');

  // The state is in the URL and survives a reload.
  await expect(page).toHaveURL(/platform=lambda/);
  await page.reload();
  await expect(page.locator('.traffic .headline')).toHaveText('15 minutes to 100 %');
  await expect(page.getByLabel('Canary percentage')).toHaveValue('20');
  expect(errors).toEqual([]);
});

test('CodeDeploy requirement mode lists what fits and why the rest breaks', async ({ page }) => {
  await page.goto('./#/widgets/codedeploy?platform=ecs&mode=require');
  await page.getByLabel('Largest share exposed before validation (%)').fill('10');
  await page.getByLabel('Largest share exposed before validation (%)').blur();
  await page.getByLabel('Full rollout within (minutes)').fill('10');
  await page.getByLabel('Full rollout within (minutes)').blur();
  await expect(page.locator('tr[data-config="CodeDeployDefault.ECSCanary10Percent5Minutes"]')).toHaveClass(/fits/);
  await expect(page.locator('tr[data-config="CodeDeployDefault.ECSAllAtOnce"]')).toContainText('exposes 100 % before validation');
  await expect(page.locator('tr[data-config="CodeDeployDefault.ECSLinear10PercentEvery3Minutes"]')).toContainText('takes 27 minutes');
});

test('CodeDeploy requirement mode judges EC2 configurations for the deployment type', async ({ page }) => {
  await page.goto('./#/widgets/codedeploy?platform=server&mode=require&zero_downtime=true');
  const allAtOnce = page.locator('tr[data-config="CodeDeployDefault.AllAtOnce"]');
  await expect(allAtOnce).toContainText('offline at once');
  await page.getByRole('radio', { name: 'Blue/green' }).check();
  await expect(allAtOnce).toHaveClass(/fits/);
});

test('DR chooser: targets move the recommendation and explain cheaper strategies', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/widgets/dr?rto=172800&rpo=86400');
  await expect(page.locator('.recommendation')).toHaveAttribute('data-strategy', 'backup_restore');
  await expect(page.locator('.dr-architecture')).toContainText('Recovery Region');
  await page.goto('./#/widgets/dr?rto=600&rpo=5');
  const rec = page.locator('.recommendation');
  const chosen = await rec.getAttribute('data-strategy');
  expect(['warm_standby', 'active_active']).toContain(chosen);
  await expect(page.locator('tr[data-strategy="backup_restore"]')).toContainText('No:');
  await expect(page.locator('.dr-failover li').first()).toBeVisible();
  // Keyboard on the log slider changes the target and the URL.
  const before = await page.locator('#dr-rto-value').textContent();
  await page.locator('#dr-rto').focus();
  for (let i = 0; i < 120; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('#dr-rto-value')).not.toHaveText(before);
  await expect(page).toHaveURL(/rto=\d+/);
  // Serving through a regional outage leaves only active/active.
  await page.getByLabel('Must keep serving during a regional outage').check();
  await expect(rec).toHaveAttribute('data-strategy', 'active_active');
  await expect(page.locator('.chart .band.chosen')).toHaveAttribute('data-strategy', 'active_active');
  await page.reload();
  await expect(rec).toHaveAttribute('data-strategy', 'active_active');
  expect(errors).toEqual([]);
});

test('embed routes render the widget alone and never fetch questions', async ({ page }) => {
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  // The full app still serves old embed links; the embed bundle serves new ones.
  for (const doc of ['./', './embed/']) {
    for (const id of ['codedeploy', 'dr', 'asg', 'pipeline', 'beanstalk']) {
      await page.goto(`${doc}#/embed/${id}`);
      await expect(page.locator(`[data-widget="${id}"]`)).toBeVisible();
      await expect(page.locator('.site-header')).toHaveCount(0);
      await expect(page.locator('.site-footer')).toHaveCount(0);
    }
  }
  expect(requested.filter((p) => p.includes('/data/') && !p.includes('/data/widget-'))).toEqual([]);
  expect(requested.filter((p) => p.startsWith('/canary/embed/data/')), 'facts come from the app\'s data/').toEqual([]);
});

test('each simulator page cold-loads the app and that simulator\'s module only', async ({ page }) => {
  for (const id of ['codedeploy', 'dr', 'asg', 'pipeline', 'beanstalk']) {
    const wasm = [];
    const listener = (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); };
    page.on('request', listener);
    // A deep link straight into the simulator, on a fresh document.
    await page.goto('about:blank');
    await page.goto(`./#/widgets/${id}`);
    await expect(page.locator(`[data-widget="${id}"]`)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    page.off('request', listener);
    expect(wasm.sort(), id).toEqual([
      expect.stringMatching(/^\/canary\/canary-[0-9a-f]+_bg\.wasm$/),
      expect.stringMatching(new RegExp(`^/canary/modules/sim-${id}-[0-9a-f]+_bg\\.wasm$`)),
    ]);
  }
});

test('moving between a simulator and the rest of the app keeps URL, back and forward working', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/widgets');
  await page.getByRole('link', { name: 'Open the chooser' }).click();
  await expect(page.locator('[data-widget="dr"]')).toBeVisible();
  // A change in the simulator (its own router) reaches the app's embed snippet.
  await page.getByText('Embed this on your site').click();
  const before = await page.locator('#embed-iframe').inputValue();
  await page.locator('[data-widget="dr"] input[type="range"]').first().fill('3');
  await expect.poll(() => page.locator('#embed-iframe').inputValue()).not.toBe(before);
  await expect(page).toHaveURL(/#\/widgets\/dr\?/);
  // A link inside the simulator takes the app to a practice set.
  await page.getByRole('link', { name: /Practice this/ }).click();
  await expect(page).toHaveURL(/#\/practice\/set\?/);
  await expect(page.locator('.question-card')).toBeVisible();
  await expect(page.locator('[data-widget="dr"]')).toHaveCount(0);
  await page.goBack();
  await expect(page.locator('[data-widget="dr"]')).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your DOP-C02 study desk');
  await expect(page.locator('[data-widget="dr"]')).toHaveCount(0);
  // Back into the simulator (mounted again), then forward to the app's page.
  await page.goBack();
  await expect(page.locator('[data-widget="dr"]')).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your DOP-C02 study desk');
  await expect(page.locator('[data-widget="dr"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the embed bundle is the small one, links back to the app and hands questions to it', async ({ page }) => {
  const errors = watchErrors(page);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.goto('./embed/#/embed/dr?rto=600&rpo=5');
  await expect(page.locator('.recommendation')).toHaveAttribute('data-strategy', 'active_active');
  // One simulator's module and nothing else: not the app, not the other four.
  expect(wasm).toEqual([expect.stringMatching(/^\/canary\/modules\/sim-dr-[0-9a-f]+_bg\.wasm$/)]);
  await expect(page.getByRole('link', { name: 'Open in Canary ↗' })).toHaveAttribute('href', /\/canary\/#\/widgets\/dr$/);
  // The copy-paste snippets point simulators at the bundle.
  await page.goto('./#/widgets/dr?rto=600&rpo=5');
  await page.getByText('Embed this on your site').click();
  await expect(page.locator('#embed-iframe')).toHaveValue(/src="http:\/\/127\.0\.0\.1:\d+\/canary\/embed\/#\/embed\/dr\?rto=600&rpo=5"/);
  await expect(page.locator('#embed-script')).toHaveValue(/\/canary\/embed\.js"/);
  // A question or quiz embed needs the question bank: the full app takes it.
  await page.goto('./embed/#/embed/quiz?task=1.4&size=2');
  await expect(page).toHaveURL(/\/canary\/#\/embed\/quiz\?task=1\.4&size=2$/);
  await expect(page.locator('.question-card')).toBeVisible();
  expect(errors).toEqual([]);
});

test('Auto Scaling warm pool and retention: the launch hook holds twice, scale-in returns to the pool, abandoned instances are kept', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/widgets/asg');
  await page.locator('fieldset.warm-pool').getByLabel('Enabled').check();
  await page.getByLabel('Pool state').selectOption('running');
  await page.getByLabel('Return instances to the pool on scale-in').check();
  await page.getByRole('button', { name: 'Fill the warm pool' }).click();
  await expect(page.locator('.asg-clock')).toContainText('State: Warmed:Pending:Wait');
  await expect(page.locator('.asg-log')).toContainText('EC2 → WarmPool');
  await page.getByRole('button', { name: 'complete-lifecycle-action CONTINUE' }).click();
  await expect(page.locator('.asg-diagram .state.current')).toHaveAttribute('data-state', 'Warmed:Running');
  await page.getByRole('button', { name: 'Scale out' }).click();
  await expect(page.locator('.asg-clock')).toContainText('State: Pending:Wait');
  await expect(page.locator('.asg-log')).toContainText('WarmPool → AutoScalingGroup');
  await page.getByRole('button', { name: 'complete-lifecycle-action CONTINUE' }).click();
  await page.getByRole('button', { name: 'Scale in' }).click();
  await expect(page.locator('.asg-clock')).toContainText('State: Warmed:Running');
  await expect(page).toHaveURL(/warm=running/);
  await page.reload();
  await expect(page.locator('.asg-clock')).toContainText('State: Warmed:Running');
  // A retention policy keeps an instance whose terminate hook is abandoned.
  await page.goto('./#/widgets/asg');
  await page.locator('fieldset.hook').nth(1).getByLabel('Enabled').check();
  await page.getByLabel('Retain the instance when a terminate hook is abandoned').check();
  await page.getByRole('button', { name: 'Scale out' }).click();
  await page.getByRole('button', { name: 'complete-lifecycle-action CONTINUE' }).click();
  await page.getByRole('button', { name: 'Scale in' }).click();
  await page.getByRole('button', { name: 'complete-lifecycle-action ABANDON' }).click();
  await expect(page.locator('.asg-clock')).toContainText('State: Terminating:Retained');
  await page.getByRole('button', { name: 'Terminate the retained instance' }).click();
  await expect(page.locator('.asg-clock')).toContainText('State: Terminated');
  expect(errors).toEqual([]);
});

test('Auto Scaling lifecycle: hooks hold the instance, heartbeats, results and timeouts', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/widgets');
  await page.getByRole('link', { name: 'Open the simulator' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Auto Scaling lifecycle hooks');
  await page.getByRole('button', { name: 'Scale out' }).click();
  await expect(page.locator('.asg-clock')).toContainText('State: Pending:Wait');
  await expect(page.locator('.asg-log')).toContainText('EC2 Instance-launch Lifecycle Action');
  await page.getByRole('button', { name: 'Wait 60 s' }).click();
  await page.getByRole('button', { name: 'Record heartbeat' }).click();
  await expect(page.locator('.asg-clock')).toContainText('times out at 3660 s');
  await page.getByRole('button', { name: 'complete-lifecycle-action CONTINUE' }).click();
  await expect(page.locator('.asg-clock')).toContainText('State: InService');
  await expect(page.locator('.asg-log')).toContainText('EC2 Instance Launch Successful');
  await expect(page.locator('.asg-diagram .state.current')).toHaveAttribute('data-state', 'InService');
  // A terminate hook that times out still ends in termination.
  await page.locator('fieldset.hook').nth(1).getByLabel('Enabled').check();
  await page.getByRole('button', { name: 'Scale out' }).click();
  await page.getByRole('button', { name: 'Let it time out' }).click();
  await expect(page.locator('.asg-clock')).toContainText('State: Terminated');
  await expect(page.locator('.asg-log')).toContainText('heartbeat timeout, default result: ABANDON');
  await expect(page).toHaveURL(/actions=out%2Ctimeout|actions=out,timeout/);
  await page.reload();
  await expect(page.locator('.asg-clock')).toContainText('State: Terminated');
  // Termination policies pick different instances from the fullest zone.
  await page.getByLabel('Termination policy').selectOption('NewestInstance');
  await expect(page.locator('.fleet tr.chosen')).toHaveAttribute('data-instance', 'i-b2');
  await page.getByLabel('Termination policy').selectOption('ClosestToNextInstanceHour');
  await expect(page.locator('.fleet tr.chosen')).toHaveAttribute('data-instance', 'i-b3');
  expect(errors).toEqual([]);
});

test('CodePipeline builder: flags invalid pipelines and checks a scenario', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/widgets');
  await page.getByRole('link', { name: 'Open the builder' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CodePipeline builder');
  await expect(page.locator('.scenario-goal')).toContainText('CloudFormation');
  await expect(page.locator('.pl-problems')).toContainText('stage `Deploy` has no action');
  // Add a deploy action in the second stage: a Deploy action fed by the template.
  await page.locator('.pl-stage').nth(1).getByRole('button', { name: 'Add action' }).click();
  const action = page.locator('.pl-stage').nth(1).locator('.pl-action').first();
  await action.getByLabel('Category').selectOption('Deploy');
  await action.getByLabel('Provider').selectOption('CloudFormation');
  // A CloudFormation deploy may run without an input, so the structure is
  // valid, but the scenario still wants the template fed to it.
  await expect(page.locator('.pl-valid')).toBeVisible();
  await expect(page.locator('.pl-gaps')).toBeVisible();
  await action.getByLabel('Input artifacts').fill('Nope');
  await action.getByLabel('Input artifacts').blur();
  await expect(page.locator('.pl-problems li[data-rule="artifact-produced-earlier"]')).toContainText('which no earlier action produces');
  await action.getByLabel('Input artifacts').fill('TemplateZip');
  await action.getByLabel('Input artifacts').blur();
  await expect(page.locator('.pl-valid')).toBeVisible();
  await expect(page.locator('.pl-scenario-done')).toHaveText('Scenario complete.');
  // A source action outside the first stage breaks the structure rule.
  await action.getByLabel('Category').selectOption('Source');
  await expect(page.locator('.pl-problems li[data-rule="source-first"]').first()).toContainText('source action outside the first stage');
  await page.reload();
  await expect(page.locator('.pl-problems li[data-rule="source-first"]').first()).toBeVisible();
  await expect(page.locator('#pl-events-title')).toBeVisible();
  await expect(page.locator('.pipeline dl')).toContainText('CodePipeline Action Execution State Change');
  expect(errors).toEqual([]);
});

test('CodePipeline builder: drag and drop, and the move buttons, rearrange the pipeline', async ({ page }) => {
  const errors = watchErrors(page);
  // Free build: a source action wrongly placed in the second stage.
  await page.goto('./#/widgets/pipeline?scenario=free&p=' + encodeURIComponent('Source~|Build~Src:Source:S3::Out;Make:Build:CodeBuild:Out:'));
  await expect(page.locator('.pl-problems li[data-rule="source-first"]').first()).toBeVisible();
  // Drag the source action onto the first stage.
  await page.locator('.pl-action[data-action="Src"] .drag-handle').dragTo(page.locator('.pl-stage').first());
  await expect(page.locator('.pl-stage').first().locator('.pl-action')).toHaveAttribute('data-action', 'Src');
  await expect(page.locator('.pl-valid')).toBeVisible();
  // Drag the Build stage above the Source stage: now the source is in stage 2 again.
  await page.locator('.pl-stage').nth(1).locator('.pl-stage-head .drag-handle').dragTo(page.locator('.pl-stage').first());
  await expect(page.locator('.pl-stage').first()).toHaveAttribute('data-stage', 'Build');
  await expect(page.locator('.pl-problems li[data-rule="source-first"]').first()).toBeVisible();
  // The buttons do the same without a pointer.
  await page.getByRole('button', { name: 'Move stage Source up' }).click();
  await expect(page.locator('.pl-stage').first()).toHaveAttribute('data-stage', 'Source');
  await page.getByRole('button', { name: 'Move action Make up' }).click();
  await expect(page.locator('.pl-stage').first().locator('.pl-action').nth(1)).toHaveAttribute('data-action', 'Make');
  await page.getByRole('button', { name: 'Move action Make down' }).click();
  await expect(page.locator('.pl-stage').nth(1).locator('.pl-action')).toHaveAttribute('data-action', 'Make');
  await expect(page.locator('.pl-valid')).toBeVisible();
  await page.reload();
  await expect(page.locator('.pl-valid')).toBeVisible();
  expect(errors).toEqual([]);
});

test('Elastic Beanstalk explorer: timeline, failures, differences and requirements', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./#/widgets');
  await page.getByRole('link', { name: 'Open the explorer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Elastic Beanstalk deployment policies');
  await expect(page.locator('.eb-min')).toHaveText('Lowest serving capacity: 2 of 4');
  await page.getByLabel('Deployment policy').selectOption('immutable');
  await expect(page.locator('.eb-min')).toHaveText('Lowest serving capacity: 4 of 4');
  await expect(page.locator('.eb-compare caption')).toContainText('what differs from Rolling');
  await expect(page.locator('.eb-compare tr.changed')).toHaveCount(6); // impact, time, rollback, where, environment types, needs
  await page.getByLabel('The new version fails its health checks').check();
  await expect(page.locator('.eb-frames li').last()).toContainText('the old ones kept serving');
  // A failed traffic split has served its share on the new version first.
  await page.getByLabel('Deployment policy').selectOption('traffic_splitting');
  await expect(page.locator('.eb-frames')).toContainText('10 % of traffic on the new version');
  await expect(page.locator('.eb-frames li').last()).toContainText('traffic moves back to the old instances');
  await page.getByLabel('Deployment policy').selectOption('all_at_once');
  await expect(page.locator('.eb-min')).toHaveText('Lowest serving capacity: 0 of 4');
  await expect(page.locator('dd[data-req="capacity"]')).toContainText('Immutable');
  await expect(page.locator('dd[data-req="capacity"]')).not.toContainText('All at once');
  await page.reload();
  await expect(page.locator('.eb-min')).toHaveText('Lowest serving capacity: 0 of 4');
  expect(errors).toEqual([]);
});
