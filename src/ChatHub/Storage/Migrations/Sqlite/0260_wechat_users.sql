-- Which WeChat user (app + openid) a visitor id stands for.
CREATE TABLE IF NOT EXISTS wechat_users (
    visitor_id TEXT PRIMARY KEY, app_id TEXT NOT NULL, open_id TEXT NOT NULL, seen_at TEXT NOT NULL);
