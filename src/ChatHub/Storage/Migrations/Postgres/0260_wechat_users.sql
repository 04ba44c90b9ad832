-- Which WeChat user (app + openid) a visitor id stands for.
CREATE TABLE wechat_users (
    visitor_id text PRIMARY KEY, app_id text NOT NULL, open_id text NOT NULL, seen_at timestamptz NOT NULL);
