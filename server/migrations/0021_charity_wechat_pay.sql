-- 慈善: a gift's WeChat Pay order. Its own out_trade_no (32 letters and digits, as WeChat Pay
-- allows; gift ids of monthly reminders are longer), the amount asked for (a notification or a
-- query answer must match it), and its state: open, paid (settled by a verified notification or
-- query answer) or closed (expired unpaid, closed at WeChat Pay by reconciliation).
CREATE TABLE charity_wechat_orders (
    out_trade_no   TEXT PRIMARY KEY,
    gift_id        TEXT NOT NULL UNIQUE REFERENCES charity_gifts(id),
    amount_fen     BIGINT NOT NULL,
    status         TEXT NOT NULL,
    transaction_id TEXT,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL,
    settled_at     BIGINT
);
CREATE INDEX charity_wechat_orders_open ON charity_wechat_orders (status, created_at);
