//! 繁體中文.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "我的救助申請",
        MineEmpty => "暫無社會救助申請。",
        FeAmount => "請輸入 0 或正整數金額（元），不要帶小數點或符號",
        FeTextTooLong => "內容太長，請控制在 500 字以內",
        FeUnknownCommunity => "請從列表中選擇所在街道的社區",
        FeTooManyMembers => "一份申請最多填寫 15 位家庭成員",
        FeDisabilityLevel => "請選擇殘疾等級：一級至四級，或無",
        FeDate => "請輸入真實的日期，例如 2026-05-20",
        FeDateInFuture => "日期不能晚於今天",
        FeBankAccount => "銀行賬號應為 12 至 25 位數字",
        FeDocumentMissing => "請上傳這份必需的材料",
        FeUnknownUpload => "這份文件沒有找到，請重新上傳",
        FeConsentMissing => "請這位家庭成員輸入本人姓名錶示授權",
        FeConsentName => "輸入的姓名與該成員的姓名不一致",
        FeHousehold => "請輸入 1 至 16 之間的人數，年齡在 0 至 130 歲之間",
        EvSubmitted => "已收到您的社會救助申請，社區將在期限內受理",
        EvDocumentsRequested => "需要補充材料（補正）：請在期限前上傳",
        EvDocumentsReceived => "補充材料已收到，審核繼續進行",
        EvApproved => "申請已獲區民政局批准，將在期限內發放",
        EvRefused => "申請未獲批准，請查看原因",
        EvWithdrawn => "您已撤回申請",
        EvPaid => "救助金已發放",
        EvHomeVisit => "社區已受理，將進行入戶調查",
        EvPublicNotice => "入戶調查已完成，進入民主評議和公示（7 天）",
        EvStreetReview => "公示已結束，街道正在審核",
        EvDistrictApproval => "街道審核通過，等待區民政局審批",
    }
}
