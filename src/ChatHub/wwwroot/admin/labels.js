// Chinese labels for the values the APIs keep stable in English (roles, audit actions, history sources), and times
// shown in the service's time zone (GET /api/agents/me → timeZone), whatever zone the viewer's browser is in.
(function () {
  "use strict";
  const ROLES = { agent: "坐席", supervisor: "班长", admin: "管理员", editor: "编辑", reviewer: "审核人" };
  const ACTIONS = {
    "agent.create": "创建账号", "agent.update": "修改账号", "agent.password": "修改本人密码",
    "canned.create": "新增常用语", "canned.update": "修改常用语", "canned.delete": "删除常用语",
    "draft.create": "提交草稿", "draft.update": "修改草稿", "draft.publish": "审核发布", "draft.reject": "驳回草稿",
    "entry.rollback": "回滚版本", "bank.import": "批量导入", "bank.import.rejected": "导入被拒（校验未通过）",
    "consistency.run": "运行一致性检查", "consistency.merge": "合并一致性冲突", "consistency.link": "关联一致性条目", "consistency.dismiss": "忽略一致性提示",
    "policy.supersede": "标记政策失效", "policy.restore": "恢复政策",
    "insights.cluster.handled": "处理未答问题", "insights.suggestion.accepted": "采纳改进建议", "insights.suggestion.rejected": "驳回改进建议",
    "rating.followup": "差评回访", "transcript.reveal": "查看未脱敏记录",
  };
  const SOURCES = { seed: "初始数据", cli: "命令行导入", import: "批量导入", system: "系统" };
  const KINDS = { Created: "新建", Updated: "修改", Retired: "下线", created: "新建", updated: "修改", retired: "下线" };
  let timeZone;

  const Labels = {
    role: (r) => ROLES[r] || r,
    roles: (list) => (list || []).map((r) => ROLES[r] || r).join("、"),
    // An unknown action still reads as something: its first part, labelled, plus the raw value for searching.
    action: (a) => ACTIONS[a] || a,
    actor: (name) => SOURCES[name] || name,
    kind: (k) => KINDS[k] || k,
    knownRoles: () => Object.entries(ROLES),
    setTimeZone(zone) { timeZone = zone || undefined; if (window.GovChat) window.GovChat.timeZone = timeZone; },
    time(iso) {
      const d = new Date(iso);
      if (isNaN(d)) return "";
      try { return d.toLocaleString("zh-CN", { timeZone, hour12: false }); } catch { return d.toLocaleString("zh-CN"); }
    },
    // Learns the zone once per page; the pages call it before drawing times.
    async loadTimeZone() {
      try {
        const r = await fetch("/api/agents/me", { headers: { Accept: "application/json" } });
        if (r.ok) Labels.setTimeZone((await r.json()).timeZone);
      } catch { /* the browser's zone is the fallback */ }
    },
  };
  window.Labels = Labels;
})();
