-- Tasks: the activity a follow-up task was created from, when it last changed, and who closed it when.
ALTER TABLE tasks ADD COLUMN activity_id VARCHAR(36) NULL;
ALTER TABLE tasks ADD COLUMN updated_at DATETIME(6) NULL;
UPDATE tasks SET updated_at = created_at WHERE updated_at IS NULL;
ALTER TABLE tasks MODIFY updated_at DATETIME(6) NOT NULL;
ALTER TABLE tasks ADD COLUMN cancelled_at DATETIME(6) NULL;
ALTER TABLE tasks ADD COLUMN closed_by VARCHAR(64) NULL;
-- lists of a manager's subtree by status and due date; the follow-ups of an activity
CREATE INDEX ix_tasks_org_due ON tasks (org_path, status, due_date);
CREATE INDEX ix_tasks_activity ON tasks (activity_id);
