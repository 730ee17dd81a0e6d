CREATE INDEX `audit_log_org_actor` ON `audit_log` (`organization_id`,`actor_id`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_log_org_action` ON `audit_log` (`organization_id`,`action`,`seq`);--> statement-breakpoint
CREATE INDEX `audit_log_org_entity` ON `audit_log` (`organization_id`,`entity_id`,`seq`);