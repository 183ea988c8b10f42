--liquibase formatted sql

--changeset collection-orchestrator:014-runtime-role-grants runAlways:true runOnChange:true splitStatements:false
--comment: The runtime role (the application's login, collection.database.runtime-role) gets data rights only: no DDL, and on the append-only ledger SELECT and INSERT only. Run after every migration, so tables added later are granted too. Nothing to do when Liquibase runs as the runtime role itself (one role for both, as in the local profile and the tests).
do $grants$
declare
    runtime text := '${runtimeRole}';
begin
    if runtime = '' or runtime like '$%' or runtime = current_user then
        raise notice 'No separate runtime role (runtimeRole "%", migrating as %): no grants', runtime, current_user;
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = runtime) then
        raise exception 'The runtime role % does not exist: create it (LOGIN, no superuser) before migrating', runtime;
    end if;
    if exists (select 1 from pg_roles where rolname = runtime and (rolsuper or rolbypassrls)) then
        raise warning 'The runtime role % is a superuser: no grant or revoke can hold it back', runtime;
    end if;
    execute format('grant usage on schema public to %I', runtime);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', runtime);
    execute format('grant usage, select, update on all sequences in schema public to %I', runtime);
    -- Append-only: entries are corrected by new entries, never changed or removed (the triggers of 001 and 011
    -- refuse it for every role as well).
    execute format('revoke update, delete, truncate on ledger_entry from %I', runtime);
    -- Liquibase's own bookkeeping is the migration role's.
    execute format('revoke all on databasechangelog, databasechangeloglock from %I', runtime);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', runtime);
    execute format('alter default privileges in schema public grant usage, select, update on sequences to %I', runtime);
end
$grants$;
