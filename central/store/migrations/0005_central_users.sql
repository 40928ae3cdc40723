-- 0005: the people who use the hub's web UI. Each has one role (coordinator, consular, hub-admin); the secret is
-- an scrypt hash (parameters inside it). Failed sign-ins are counted on the row before the hash is compared, so
-- parallel guesses cannot exceed the limit; `locked_until` holds the lock-out. Sessions keep only the SHA-256
-- of the cookie's random token.

CREATE TABLE central_users (
  name text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  role text NOT NULL CHECK (role IN ('coordinator', 'consular', 'hub-admin')),
  secret_hash text NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

CREATE TABLE central_sessions (
  token_sha256 text PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  user_name text NOT NULL REFERENCES central_users (name),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX central_sessions_user ON central_sessions (user_name);
