-- 0001 Foundation: agencies, accounts (ASP.NET Core Identity), uploaded files, the audit log.
-- Names are snake_case so the SQL reads the same on SQLite and PostgreSQL.

CREATE TABLE audit_log (
    id INTEGER NOT NULL CONSTRAINT pk_audit_log PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_id TEXT NULL,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    summary TEXT NOT NULL,
    client_ip TEXT NULL
);

CREATE TABLE files (
    id TEXT NOT NULL CONSTRAINT pk_files PRIMARY KEY,
    file_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    content_type TEXT NOT NULL,
    length INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by TEXT NULL
);

CREATE TABLE roles (
    id TEXT NOT NULL CONSTRAINT pk_roles PRIMARY KEY,
    name TEXT NULL,
    normalized_name TEXT NULL,
    concurrency_stamp TEXT NULL
);

CREATE TABLE agencies (
    id INTEGER NOT NULL CONSTRAINT pk_agencies PRIMARY KEY AUTOINCREMENT,
    parent_id INTEGER NULL,
    name TEXT NOT NULL,
    level TEXT NOT NULL,
    organization_code TEXT NOT NULL,
    sort_order INTEGER NOT NULL,
    office_name TEXT NOT NULL,
    office_address TEXT NOT NULL,
    postal_code TEXT NULL,
    office_phone TEXT NOT NULL,
    office_fax TEXT NULL,
    office_email TEXT NULL,
    office_hours TEXT NULL,
    guide TEXT NOT NULL,
    guide_updated_at TEXT NULL,
    guide_file_id TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CONSTRAINT fk_agencies_agencies_parent_id FOREIGN KEY (parent_id) REFERENCES agencies (id) ON DELETE RESTRICT,
    CONSTRAINT fk_agencies_files_guide_file_id FOREIGN KEY (guide_file_id) REFERENCES files (id) ON DELETE RESTRICT
);

CREATE TABLE role_claims (
    id INTEGER NOT NULL CONSTRAINT pk_role_claims PRIMARY KEY AUTOINCREMENT,
    role_id TEXT NOT NULL,
    claim_type TEXT NULL,
    claim_value TEXT NULL,
    CONSTRAINT fk_role_claims_roles_role_id FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE
);

CREATE TABLE users (
    id TEXT NOT NULL CONSTRAINT pk_users PRIMARY KEY,
    display_name TEXT NOT NULL,
    agency_id INTEGER NULL,
    must_change_password INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    user_name TEXT NULL,
    normalized_user_name TEXT NULL,
    email TEXT NULL,
    normalized_email TEXT NULL,
    email_confirmed INTEGER NOT NULL,
    password_hash TEXT NULL,
    security_stamp TEXT NULL,
    concurrency_stamp TEXT NULL,
    phone_number TEXT NULL,
    phone_number_confirmed INTEGER NOT NULL,
    two_factor_enabled INTEGER NOT NULL,
    lockout_end TEXT NULL,
    lockout_enabled INTEGER NOT NULL,
    access_failed_count INTEGER NOT NULL,
    CONSTRAINT fk_users_agencies_agency_id FOREIGN KEY (agency_id) REFERENCES agencies (id) ON DELETE RESTRICT
);

CREATE TABLE user_claims (
    id INTEGER NOT NULL CONSTRAINT pk_user_claims PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    claim_type TEXT NULL,
    claim_value TEXT NULL,
    CONSTRAINT fk_user_claims_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE user_logins (
    login_provider TEXT NOT NULL,
    provider_key TEXT NOT NULL,
    provider_display_name TEXT NULL,
    user_id TEXT NOT NULL,
    CONSTRAINT pk_user_logins PRIMARY KEY (login_provider, provider_key),
    CONSTRAINT fk_user_logins_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL,
    role_id TEXT NOT NULL,
    CONSTRAINT pk_user_roles PRIMARY KEY (user_id, role_id),
    CONSTRAINT fk_user_roles_roles_role_id FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_roles_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE user_tokens (
    user_id TEXT NOT NULL,
    login_provider TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NULL,
    CONSTRAINT pk_user_tokens PRIMARY KEY (user_id, login_provider, name),
    CONSTRAINT fk_user_tokens_users_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX ix_agencies_guide_file_id ON agencies (guide_file_id);

CREATE UNIQUE INDEX ix_agencies_organization_code ON agencies (organization_code);

CREATE INDEX ix_agencies_parent_id ON agencies (parent_id);

CREATE INDEX ix_audit_log_at ON audit_log (at);

CREATE INDEX ix_audit_log_entity_type_entity_id ON audit_log (entity_type, entity_id);

CREATE INDEX ix_role_claims_role_id ON role_claims (role_id);

CREATE UNIQUE INDEX role_name_index ON roles (normalized_name);

CREATE INDEX ix_user_claims_user_id ON user_claims (user_id);

CREATE INDEX ix_user_logins_user_id ON user_logins (user_id);

CREATE INDEX ix_user_roles_role_id ON user_roles (role_id);

CREATE INDEX email_index ON users (normalized_email);

CREATE INDEX ix_users_agency_id ON users (agency_id);

CREATE UNIQUE INDEX user_name_index ON users (normalized_user_name);

-- The audit log is append-only: no UPDATE or DELETE, whoever asks.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
