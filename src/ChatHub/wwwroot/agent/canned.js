// Canned replies per department, and the departments a conversation can be transferred to.
// REVIEW: both move server-side (admin-editable canned replies per department; departments from the bank and the
// staff accounts) — kept in the page until that API exists.
(function () {
  "use strict";
  const common = [
    "您好，我是人工客服，请问有什么可以帮您？",
    "请稍等，我帮您查询一下。",
    "请问您的户籍所在地（或居住地）是哪个区县？不同地区的办理要求略有差异。",
    "如还有其他问题，欢迎随时咨询。感谢您的耐心，祝您生活愉快！",
  ];
  const byDepartment = {
    "公安局户政管理部门": [
      "户籍业务可在户籍所在地派出所户籍窗口办理，办理前建议通过当地公安政务服务平台预约。",
      "身份证补领可在全国任一公安机关居民身份证受理点办理（跨省通办），工本费 40 元。",
    ],
    "出入境管理局": [
      "护照、往来港澳台通行证已实现全国通办，可在任一县级以上公安机关出入境接待大厅办理。",
      "可通过“移民局”App 预约并预填申请表，到场采集照片和指纹即可。",
    ],
    "人力资源和社会保障局": [
      "社保业务可通过当地人社网上服务大厅或“掌上12333”App 办理，也可到社保经办窗口办理。",
    ],
    "医疗保障局": [
      "医保业务可通过“国家医保服务平台”App 办理，异地就医备案可在线申请。",
    ],
    "住房公积金管理中心": [
      "公积金提取可通过当地公积金 App 或网厅申请，材料齐全的一般 3 个工作日内到账。",
    ],
  };
  const departments = [
    "公安局户政管理部门", "出入境管理局", "公安交通管理部门", "人力资源和社会保障局", "医疗保障局",
    "住房公积金管理中心", "不动产登记中心", "民政局", "税务局", "教育局", "市场监督管理局",
    "司法局/法律援助中心", "残疾人联合会", "卫生健康委员会",
  ];

  window.Canned = {
    departments,
    for(department) {
      return [...(byDepartment[department] || []), ...common];
    },
  };
})();
