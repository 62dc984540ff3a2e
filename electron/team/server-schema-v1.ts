// Version 1 of the team's shared record in PostgreSQL: the SQL that `team init` runs once, in one transaction.
// Never edit it once released: a later version is a new file that upgrades from this one.

/** Advisory lock class of the change log: (this, hashtext(dossier uid)) orders the log of one dossier. */
export const changeLogLockClass = 71_000_001;

export const serverSchemaV1 = `
CREATE SCHEMA pledgewatch;
REVOKE ALL ON SCHEMA pledgewatch FROM PUBLIC;

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'pledgewatch_member') THEN
    CREATE ROLE pledgewatch_member NOLOGIN;
  END IF;
END
$$;

CREATE TABLE pledgewatch.schema_version (version integer NOT NULL);
CREATE UNIQUE INDEX schema_version_one_row ON pledgewatch.schema_version ((true));

CREATE TABLE pledgewatch.dossier (
  uid text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  shared_by text NOT NULL DEFAULT session_user,
  shared_at timestamptz NOT NULL DEFAULT now()
);

-- Every analyst login Pledgewatch created; may_share lets them put a dossier of their own on the server.
CREATE TABLE pledgewatch.member (
  login text PRIMARY KEY,
  may_share boolean NOT NULL DEFAULT false
);

CREATE TABLE pledgewatch.dossier_member (
  dossier_uid text NOT NULL REFERENCES pledgewatch.dossier (uid),
  login text NOT NULL REFERENCES pledgewatch.member (login) ON DELETE CASCADE,
  can_write boolean NOT NULL,
  PRIMARY KEY (dossier_uid, login)
);

CREATE SEQUENCE pledgewatch.change_seq;

CREATE TABLE pledgewatch.change (
  seq bigint PRIMARY KEY,
  dossier_uid text NOT NULL REFERENCES pledgewatch.dossier (uid),
  change_uid text NOT NULL UNIQUE,
  origin text NOT NULL,
  author text NOT NULL,
  received_at timestamptz NOT NULL,
  known_seq bigint NOT NULL DEFAULT 0,
  entity text NOT NULL,
  entity_uid text NOT NULL,
  field text,
  op text NOT NULL,
  payload jsonb NOT NULL
);
CREATE INDEX change_dossier_seq ON pledgewatch.change (dossier_uid, seq);

-- Helpers for the policies. They are SECURITY DEFINER so that a policy on one table can look at
-- dossier_member without that table's own policy (and the caller's lack of rights) getting in the way.
-- session_user, not current_user: inside a definer function current_user is the owner.
CREATE FUNCTION pledgewatch.is_admin() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pledgewatch AS $$
  SELECT pg_has_role(session_user, n.nspowner, 'MEMBER') FROM pg_namespace n WHERE n.nspname = 'pledgewatch'
$$;

CREATE FUNCTION pledgewatch.may_read(dossier text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pledgewatch AS $$
  SELECT EXISTS (SELECT FROM dossier_member m WHERE m.dossier_uid = dossier AND m.login = session_user)
$$;

CREATE FUNCTION pledgewatch.may_write(dossier text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pledgewatch AS $$
  SELECT EXISTS (
    SELECT FROM dossier_member m WHERE m.dossier_uid = dossier AND m.login = session_user AND m.can_write
  )
$$;

CREATE FUNCTION pledgewatch.may_share() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pledgewatch AS $$
  SELECT EXISTS (SELECT FROM member m WHERE m.login = session_user AND m.may_share)
$$;

-- The server, not the client, numbers and stamps every change: a forged seq, author or time is overwritten.
-- The lock comes FIRST, and is held to commit: two transactions writing to one dossier take their
-- numbers one after the other, so within a dossier the order of seq is the order of commit. Without it,
-- a transaction could draw seq 10, commit after another drew and committed 11, and a reader that had
-- already pulled "seq > 9" and moved its cursor to 11 would never see 10: the classic cursor bug.
CREATE FUNCTION pledgewatch.stamp_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pledgewatch AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(${changeLogLockClass}, hashtext(NEW.dossier_uid));
  NEW.seq := nextval('pledgewatch.change_seq');
  NEW.author := session_user;
  NEW.received_at := clock_timestamp();
  RETURN NEW;
END
$$;
CREATE TRIGGER change_stamp BEFORE INSERT ON pledgewatch.change
  FOR EACH ROW EXECUTE FUNCTION pledgewatch.stamp_change();

-- No one edits the shared log, not even its owner: triggers hold where privileges and policies do not.
CREATE FUNCTION pledgewatch.refuse_change_edit() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pledgewatch AS $$
BEGIN
  RAISE EXCEPTION 'the shared log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER change_append_only BEFORE UPDATE OR DELETE ON pledgewatch.change
  FOR EACH ROW EXECUTE FUNCTION pledgewatch.refuse_change_edit();
CREATE TRIGGER change_no_truncate BEFORE TRUNCATE ON pledgewatch.change
  FOR EACH STATEMENT EXECUTE FUNCTION pledgewatch.refuse_change_edit();
-- And per statement too: where row-level security hides every row (an owner who is not a superuser),
-- no row trigger would fire, and an UPDATE or DELETE would "succeed" on nothing instead of being refused.
CREATE TRIGGER change_append_only_statement BEFORE UPDATE OR DELETE ON pledgewatch.change
  FOR EACH STATEMENT EXECUTE FUNCTION pledgewatch.refuse_change_edit();

-- One notification per dossier per statement, delivered at commit: clients pull instead of polling.
CREATE FUNCTION pledgewatch.notify_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pledgewatch AS $$
BEGIN
  PERFORM pg_notify('pledgewatch_change', d.dossier_uid) FROM (SELECT DISTINCT dossier_uid FROM inserted) d;
  RETURN NULL;
END
$$;
CREATE TRIGGER change_notify AFTER INSERT ON pledgewatch.change
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION pledgewatch.notify_change();

-- When a dossier was shared is the server's time too.
CREATE FUNCTION pledgewatch.stamp_dossier() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pledgewatch AS $$
BEGIN
  NEW.shared_at := clock_timestamp();
  RETURN NEW;
END
$$;
CREATE TRIGGER dossier_stamp BEFORE INSERT ON pledgewatch.dossier
  FOR EACH ROW EXECUTE FUNCTION pledgewatch.stamp_dossier();

-- Whoever shares a dossier is a writer of it (and, when the admin shares one, a member).
CREATE FUNCTION pledgewatch.sharer_writes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pledgewatch AS $$
BEGIN
  INSERT INTO member (login) VALUES (session_user) ON CONFLICT (login) DO NOTHING;
  INSERT INTO dossier_member (dossier_uid, login, can_write) VALUES (NEW.uid, session_user, true)
    ON CONFLICT (dossier_uid, login) DO UPDATE SET can_write = true;
  RETURN NULL;
END
$$;
CREATE TRIGGER dossier_sharer_writes AFTER INSERT ON pledgewatch.dossier
  FOR EACH ROW EXECUTE FUNCTION pledgewatch.sharer_writes();

REVOKE ALL ON FUNCTION pledgewatch.is_admin(), pledgewatch.may_read(text), pledgewatch.may_write(text),
  pledgewatch.may_share(), pledgewatch.stamp_change(), pledgewatch.refuse_change_edit(),
  pledgewatch.notify_change(), pledgewatch.stamp_dossier(), pledgewatch.sharer_writes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION pledgewatch.is_admin(), pledgewatch.may_read(text), pledgewatch.may_write(text),
  pledgewatch.may_share() TO pledgewatch_member;

GRANT USAGE ON SCHEMA pledgewatch TO pledgewatch_member;
GRANT SELECT, INSERT ON pledgewatch.change, pledgewatch.dossier TO pledgewatch_member;
GRANT SELECT ON pledgewatch.member, pledgewatch.dossier_member, pledgewatch.schema_version TO pledgewatch_member;

-- Row-level security. FORCE on the log and the dossiers, so even their owner goes through the policies;
-- the *_admin policies say out loud what the admin (the schema's owner, or a superuser) may see.
ALTER TABLE pledgewatch.change ENABLE ROW LEVEL SECURITY;
ALTER TABLE pledgewatch.change FORCE ROW LEVEL SECURITY;
CREATE POLICY change_read ON pledgewatch.change FOR SELECT USING (pledgewatch.may_read(dossier_uid));
CREATE POLICY change_write ON pledgewatch.change FOR INSERT WITH CHECK (pledgewatch.may_write(dossier_uid));
CREATE POLICY change_admin_read ON pledgewatch.change FOR SELECT USING (pledgewatch.is_admin());

ALTER TABLE pledgewatch.dossier ENABLE ROW LEVEL SECURITY;
ALTER TABLE pledgewatch.dossier FORCE ROW LEVEL SECURITY;
CREATE POLICY dossier_read ON pledgewatch.dossier FOR SELECT
  USING (pledgewatch.may_read(uid) OR shared_by = session_user);
CREATE POLICY dossier_share ON pledgewatch.dossier FOR INSERT
  WITH CHECK (shared_by = session_user AND (pledgewatch.may_share() OR pledgewatch.is_admin()));
CREATE POLICY dossier_admin_read ON pledgewatch.dossier FOR SELECT USING (pledgewatch.is_admin());

-- Members see the desk they work with: every member row of the dossiers they belong to, and those
-- colleagues' member rows; nothing of other desks. Not FORCEd: the owner (the admin) sees them all.
ALTER TABLE pledgewatch.dossier_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY dossier_member_read ON pledgewatch.dossier_member FOR SELECT
  USING (pledgewatch.may_read(dossier_uid));

ALTER TABLE pledgewatch.member ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_read ON pledgewatch.member FOR SELECT USING (
  login = session_user
  OR EXISTS (SELECT FROM pledgewatch.dossier_member m WHERE m.login = member.login)
);
`;
