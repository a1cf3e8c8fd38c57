-- The day an earlier round of proof arrived, for the cases waiting on a later round that lost it.
-- Asking for proof again used to clear id_received_at, so "proof not needed" on such a case ran
-- its month from receipt: earlier than rule 2 allows. Asking now keeps it (dpo.Case.Transition);
-- this gives back, from the audit trail, what the queue would have kept: the time of the case's
-- latest "ID received" event, the only change that sets id_received_at. Done once, here, rather
-- than by reading the trail whenever proof is found not needed, so that the case page, the CLI and
-- the due date all read the same field. Cases still awaiting ID (awaiting_id, which a case closed
-- while waiting keeps, to wait again if reopened) only: the clock ignores the day until proof is
-- found not needed, so no due date moves now. Cases already moved on keep the due date they were
-- given. Times are text of one format in both columns, copied as they are.
UPDATE cases SET id_received_at = (
    SELECT max(at) FROM events
    WHERE events.ref = cases.ref AND kind = 'id_received')
WHERE awaiting_id = 1 AND id_received_at IS NULL;
