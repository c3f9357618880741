//! 简体中文 (generated from one table; edit all three files together).

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "我的救助申请",
        MineEmpty => "暂无社会救助申请。",
        FeAmount => "请输入 0 或正整数金额（元），不要带小数点或符号",
        FeTextTooLong => "内容太长，请控制在 500 字以内",
        FeUnknownCommunity => "请从列表中选择所在街道的社区",
        FeTooManyMembers => "一份申请最多填写 15 位家庭成员",
        FeDisabilityLevel => "请选择残疾等级：一级至四级，或无",
        FeDate => "请输入真实的日期，例如 2026-05-20",
        FeDateInFuture => "日期不能晚于今天",
        FeBankAccount => "银行账号应为 12 至 25 位数字",
        FeDocumentMissing => "请上传这份必需的材料",
        FeUnknownUpload => "这份文件没有找到，请重新上传",
        FeConsentMissing => "请这位家庭成员输入本人姓名表示授权",
        FeConsentName => "输入的姓名与该成员的姓名不一致",
        FeHousehold => "请输入 1 至 16 之间的人数，年龄在 0 至 130 岁之间",
        EvSubmitted => "已收到您的社会救助申请，社区将在期限内受理",
        EvDocumentsRequested => "需要补充材料（补正）：请在期限前上传",
        EvDocumentsReceived => "补充材料已收到，审核继续进行",
        EvApproved => "申请已获区民政局批准，将在期限内发放",
        EvRefused => "申请未获批准，请查看原因",
        EvWithdrawn => "您已撤回申请",
        EvPaid => "救助金已发放",
        EvHomeVisit => "社区已受理，将进行入户调查",
        EvPublicNotice => "入户调查已完成，进入民主评议和公示（7 天）",
        EvStreetReview => "公示已结束，街道正在审核",
        EvDistrictApproval => "街道审核通过，等待区民政局审批",
    }
}
