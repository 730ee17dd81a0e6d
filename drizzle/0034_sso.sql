CREATE TABLE `sso_connections` (
	`organization_id` text PRIMARY KEY NOT NULL,
	`issuer` text NOT NULL,
	`client_id` text NOT NULL,
	`client_secret_sealed` text NOT NULL,
	`default_role` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`require_sso` integer DEFAULT false NOT NULL,
	`break_glass_user_id` text,
	`secret_set_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`break_glass_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `sso_domains` (
	`domain` text PRIMARY KEY NOT NULL,
	`organization_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sso_domains_org` ON `sso_domains` (`organization_id`);--> statement-breakpoint
CREATE TABLE `sso_login_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`cookie_hash` text NOT NULL,
	`organization_id` text NOT NULL,
	`state` text NOT NULL,
	`nonce` text NOT NULL,
	`code_verifier` text NOT NULL,
	`redirect_to` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sso_login_attempts_cookie_hash_unique` ON `sso_login_attempts` (`cookie_hash`);--> statement-breakpoint
CREATE INDEX `sso_login_attempts_expires` ON `sso_login_attempts` (`expires_at`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `auth_method` text DEFAULT 'password' NOT NULL;--> statement-breakpoint
CREATE INDEX `sessions_org` ON `sessions` (`organization_id`);