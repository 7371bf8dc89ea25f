-- Finds stored inbound messages that no instance handled yet (InboundRecovery looks every 15 seconds),
-- without scanning every message ever received.
CREATE INDEX ix_sms_inbound_unhandled ON sms_inbound (handled_at, received_at);
