/**
 * Parameter policies at work. The partial index lists only the versions that carry policies, so
 * the sweep that runs at every open reads those and never scans the whole store.
 * `parameter_policy_runs` remembers each notification sent: one per parameter, type and due
 * instant, so it is sent once, reports Finished, and a new due instant (a NoChangeNotification
 * after a new version, a changed Expiration) starts Pending again.
 */
export const POLICY_SCHEMA = `
CREATE INDEX parameter_versions_with_policies ON parameter_versions(parameter_id, version) WHERE policies IS NOT NULL;

CREATE TABLE parameter_policy_runs (
  parameter_id INTEGER NOT NULL REFERENCES parameters(id) ON DELETE CASCADE,
  policy_type TEXT NOT NULL,
  due_ms INTEGER NOT NULL,
  run_ms INTEGER NOT NULL,
  PRIMARY KEY (parameter_id, policy_type, due_ms)
) STRICT, WITHOUT ROWID;
`;
