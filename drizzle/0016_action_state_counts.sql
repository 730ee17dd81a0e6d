CREATE TABLE `action_state_counts` (
	`organization_id` text NOT NULL,
	`state` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`organization_id`, `state`),
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Added by hand (drizzle cannot express triggers): action_state_counts is kept by the database itself,
-- in the same statement as the change to remediation_tasks, so it is exact for every writer (verbs,
-- imports, migrations, cascades). Backfill first, then the three triggers.
INSERT INTO `action_state_counts` (`organization_id`, `state`, `n`)
  SELECT `organization_id`, `state`, count(*) FROM `remediation_tasks` GROUP BY `organization_id`, `state`;
--> statement-breakpoint
CREATE TRIGGER `action_state_counts_insert` AFTER INSERT ON `remediation_tasks`
BEGIN
  INSERT INTO `action_state_counts` (`organization_id`, `state`, `n`) VALUES (new.`organization_id`, new.`state`, 1)
    ON CONFLICT (`organization_id`, `state`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `action_state_counts_update` AFTER UPDATE OF `state`, `organization_id` ON `remediation_tasks`
  WHEN old.`state` IS NOT new.`state` OR old.`organization_id` IS NOT new.`organization_id`
BEGIN
  UPDATE `action_state_counts` SET `n` = `n` - 1
    WHERE `organization_id` = old.`organization_id` AND `state` = old.`state`;
  INSERT INTO `action_state_counts` (`organization_id`, `state`, `n`) VALUES (new.`organization_id`, new.`state`, 1)
    ON CONFLICT (`organization_id`, `state`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `action_state_counts_delete` AFTER DELETE ON `remediation_tasks`
BEGIN
  UPDATE `action_state_counts` SET `n` = `n` - 1
    WHERE `organization_id` = old.`organization_id` AND `state` = old.`state`;
END;
