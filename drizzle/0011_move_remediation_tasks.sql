-- Data move: remediation tasks become corrective actions (see ARCHITECTURE.md D15).
-- 1. Grades: a finding's task takes the finding's grade; a red-flag answer's task is graded by the ILO
--    indicators it informs (5 violence, 7 documents, 9 debt bondage → zero tolerance; 3, 6, 8 → critical).
UPDATE `remediation_tasks` SET `grade` = (
  SELECT `f`.`grade` FROM `findings` `f` WHERE `f`.`id` = `remediation_tasks`.`source_ref`
) WHERE `source_type` = 'finding' AND EXISTS (
  SELECT 1 FROM `findings` `f` WHERE `f`.`id` = `remediation_tasks`.`source_ref`
);
--> statement-breakpoint
UPDATE `remediation_tasks` SET `grade` = CASE
  WHEN ',' || replace(coalesce(`ilo_indicator`, ''), ' ', '') || ',' GLOB '*,5,*'
    OR ',' || replace(coalesce(`ilo_indicator`, ''), ' ', '') || ',' GLOB '*,7,*'
    OR ',' || replace(coalesce(`ilo_indicator`, ''), ' ', '') || ',' GLOB '*,9,*' THEN 'zero_tolerance'
  WHEN ',' || replace(coalesce(`ilo_indicator`, ''), ' ', '') || ',' GLOB '*,3,*'
    OR ',' || replace(coalesce(`ilo_indicator`, ''), ' ', '') || ',' GLOB '*,6,*'
    OR ',' || replace(coalesce(`ilo_indicator`, ''), ' ', '') || ',' GLOB '*,8,*' THEN 'critical'
  ELSE 'major' END
WHERE `source_type` = 'answer';
--> statement-breakpoint
-- 2. Deadlines from the default grade table; an existing due date is only ever tightened, never extended.
UPDATE `remediation_tasks` SET
  `plan_due_date` = date(`created_at` / 1000, 'unixepoch', CASE `grade`
    WHEN 'zero_tolerance' THEN '+0 days' WHEN 'critical' THEN '+7 days' WHEN 'major' THEN '+14 days'
    WHEN 'minor' THEN '+14 days' ELSE '+30 days' END),
  `due_date` = min(`due_date`, date(`created_at` / 1000, 'unixepoch', CASE `grade`
    WHEN 'zero_tolerance' THEN '+30 days' WHEN 'critical' THEN '+90 days' WHEN 'major' THEN '+180 days'
    WHEN 'minor' THEN '+270 days' ELSE '+365 days' END)),
  `updated_at` = `created_at`;
--> statement-breakpoint
-- 3. States. A completed task of a finding that is still open was never verified: its note becomes the
--    progress note and it waits for evidence and verification. Other completed tasks are closed.
UPDATE `remediation_tasks` SET `state` = 'in_progress', `status` = 'open', `progress_note` = `completion_note`,
  `completion_note` = NULL, `completed_at` = NULL, `completed_by_user_id` = NULL
WHERE `status` = 'completed' AND `source_type` = 'finding' AND EXISTS (
  SELECT 1 FROM `findings` `f` WHERE `f`.`id` = `remediation_tasks`.`source_ref` AND `f`.`status` = 'open'
);
--> statement-breakpoint
UPDATE `remediation_tasks` SET `state` = 'closed' WHERE `status` = 'completed';
--> statement-breakpoint
-- 4. Every open finding without a task gets its corrective action (major, minor and observation findings
--    used to raise nothing).
INSERT INTO `remediation_tasks` (`id`, `organization_id`, `supplier_id`, `source_type`, `source_ref`, `title`,
  `ilo_indicator`, `grade`, `state`, `plan_due_date`, `due_date`, `status`, `created_at`, `updated_at`)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' ||
    hex(randomblob(2)) || '-' || hex(randomblob(6))),
  `f`.`organization_id`, `f`.`supplier_id`, 'finding', `f`.`id`,
  CASE `f`.`grade` WHEN 'zero_tolerance' THEN 'Zero tolerance' WHEN 'critical' THEN 'Critical'
    WHEN 'major' THEN 'Major' WHEN 'minor' THEN 'Minor' ELSE 'Observation' END || ' finding: ' || `f`.`title`,
  `f`.`ilo_indicator`, `f`.`grade`, 'open',
  date(`f`.`created_at` / 1000, 'unixepoch', CASE `f`.`grade`
    WHEN 'zero_tolerance' THEN '+0 days' WHEN 'critical' THEN '+7 days' WHEN 'major' THEN '+14 days'
    WHEN 'minor' THEN '+14 days' ELSE '+30 days' END),
  date(`f`.`created_at` / 1000, 'unixepoch', CASE `f`.`grade`
    WHEN 'zero_tolerance' THEN '+30 days' WHEN 'critical' THEN '+90 days' WHEN 'major' THEN '+180 days'
    WHEN 'minor' THEN '+270 days' ELSE '+365 days' END),
  'open', `f`.`created_at`, `f`.`created_at`
FROM `findings` `f`
WHERE `f`.`status` = 'open' AND NOT EXISTS (
  SELECT 1 FROM `remediation_tasks` `t`
  WHERE `t`.`organization_id` = `f`.`organization_id` AND `t`.`source_type` = 'finding' AND `t`.`source_ref` = `f`.`id`
);
--> statement-breakpoint
-- 5. Each action's timeline starts with where it came from.
INSERT INTO `corrective_action_events` (`id`, `organization_id`, `action_id`, `event`, `from_state`, `to_state`,
  `actor_type`, `actor_label`, `comment`, `created_at`)
SELECT lower(hex(randomblob(16))), `organization_id`, `id`, 'migrated', NULL, `state`, 'system',
  'migration to corrective actions',
  CASE WHEN `state` = 'in_progress' THEN 'Marked completed before verification was required; submit evidence and have it verified to close the finding.'
       WHEN `state` = 'closed' THEN 'Completed before verification was required.'
       ELSE NULL END,
  `created_at`
FROM `remediation_tasks`;
