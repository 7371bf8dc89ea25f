-- The request counters of the messenger now also count the SMS preference center's requests, so the
-- table loses its messenger prefix. Keys start with their kind ("ip:", "visitor:", "preference-ip:", ...).
RENAME TABLE messenger_rate_window TO rate_limit_window;
ALTER TABLE rate_limit_window RENAME INDEX ix_messenger_rate_window_start TO ix_rate_limit_window_start;
