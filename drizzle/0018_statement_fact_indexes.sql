DROP INDEX `suppliers_org_country_name`;--> statement-breakpoint
CREATE INDEX `suppliers_org_country_name` ON `suppliers` (`organization_id`,`country`,`name`,`id`,`tier`,`created_at`);--> statement-breakpoint
CREATE INDEX `assignments_org_sent` ON `questionnaire_assignments` (`organization_id`,`sent_at`);--> statement-breakpoint
CREATE INDEX `audits_org_date` ON `audits` (`organization_id`,`audit_date`);--> statement-breakpoint
CREATE INDEX `findings_org_audit` ON `findings` (`organization_id`,`audit_id`);--> statement-breakpoint
CREATE INDEX `tasks_org_created` ON `remediation_tasks` (`organization_id`,`created_at`);