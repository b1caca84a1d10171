-- The Front Door queue (contacts awaiting a decision) without reading every contact.
CREATE INDEX contacts_awaiting_decision ON contacts (id) WHERE decision IS NULL;
