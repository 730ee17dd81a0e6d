DROP INDEX `supplier_links_child`;--> statement-breakpoint
DROP INDEX `supplier_links_parent`;--> statement-breakpoint
CREATE INDEX `supplier_links_child` ON `supplier_links` (`child_supplier_id`,`parent_supplier_id`);--> statement-breakpoint
CREATE INDEX `supplier_links_parent` ON `supplier_links` (`parent_supplier_id`,`child_supplier_id`);--> statement-breakpoint
DROP INDEX `suppliers_org_name`;--> statement-breakpoint
DROP INDEX `suppliers_org_country`;--> statement-breakpoint
DROP INDEX `suppliers_org_risk`;--> statement-breakpoint
DROP INDEX `suppliers_org_tier`;--> statement-breakpoint
CREATE INDEX `suppliers_org_country_name` ON `suppliers` (`organization_id`,`country`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `suppliers_org_spend` ON `suppliers` (`organization_id`,`annual_spend`,`id`);--> statement-breakpoint
CREATE INDEX `suppliers_org_updated` ON `suppliers` (`organization_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `suppliers_org_status` ON `suppliers` (`organization_id`,`status`,`risk_score`,`id`);--> statement-breakpoint
CREATE INDEX `suppliers_org_name` ON `suppliers` (`organization_id`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `suppliers_org_country` ON `suppliers` (`organization_id`,`country`,`risk_score`,`id`);--> statement-breakpoint
CREATE INDEX `suppliers_org_risk` ON `suppliers` (`organization_id`,`risk_score`,`id`);--> statement-breakpoint
CREATE INDEX `suppliers_org_tier` ON `suppliers` (`organization_id`,`tier`,`risk_score`,`id`);