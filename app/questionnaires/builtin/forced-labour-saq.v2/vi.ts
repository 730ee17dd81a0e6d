import type { TemplateTranslation } from "../../model";

/** Vietnamese. */
export const VI: TemplateTranslation = {
  title: "Bản tự đánh giá về lao động cưỡng bức",
  intro:
    "Bản tự đánh giá này tìm hiểu cách người lao động tại cơ sở của quý vị được tuyển dụng, sử dụng, trả lương và " +
    "bố trí chỗ ở. Nội dung bao quát mười một chỉ số lao động cưỡng bức của Tổ chức Lao động Quốc tế (ILO). Vui " +
    "lòng trả lời cho cơ sở sản xuất hàng hóa cho chúng tôi. Nếu một nội dung nào đó chưa được thực hiện, xin hãy " +
    "nói rõ: câu trả lời trung thực giúp hai bên cùng cải thiện. Câu trả lời của quý vị được lưu tự động.",
  attestation:
    "Tôi xác nhận rằng, theo hiểu biết của tôi, các câu trả lời trên là trung thực và đầy đủ, và tôi được ủy quyền " +
    "trả lời thay mặt nhà cung cấp.",
  sections: {
    profile: { title: "Thông tin công ty và cơ sở" },
    workforce: { title: "Mức độ dễ bị tổn thương của người lao động" },
    policies: { title: "Chính sách" },
    recruitment: { title: "Tuyển dụng và phí" },
    contracts: { title: "Hợp đồng" },
    documents: { title: "Giấy tờ tùy thân" },
    movement: { title: "Tự do đi lại" },
    wages: { title: "Tiền lương" },
    hours: { title: "Thời giờ làm việc" },
    grievance: { title: "Khiếu nại và tiếng nói của người lao động" },
    "sub-suppliers": { title: "Nhà cung cấp cấp dưới" },
    audits: { title: "Đánh giá và chứng nhận" },
    incidents: { title: "Sự việc và khắc phục" },
    declaration: { title: "Cam kết" },
  },
  questions: {
    P1: {
      text: "Có bao nhiêu người làm việc tại cơ sở, kể cả lao động thuê qua đại lý và lao động thời vụ?",
      help: "Tính tất cả những người đã làm việc tại cơ sở trong tháng vừa qua.",
      unit: "người lao động",
    },
    P2: { text: "Cơ sở sản xuất sản phẩm hoặc cung cấp dịch vụ gì cho chúng tôi?" },
    P3: {
      text: "Cơ sở thuộc loại nào?",
      options: {
        factory: "Nhà máy hoặc xưởng",
        farm: "Trang trại hoặc đồn điền",
        fishing: "Tàu cá hoặc chế biến thủy sản",
        mine: "Mỏ hoặc mỏ đá",
        construction: "Công trường xây dựng",
        warehouse: "Kho bãi hoặc hậu cần",
        other: "Khác",
      },
    },
    P4: {
      text: "Cơ sở sử dụng những hình thức lao động nào?",
      help: "Chọn tất cả các mục phù hợp.",
      options: {
        permanent: "Hợp đồng không xác định thời hạn",
        "fixed-term": "Hợp đồng xác định thời hạn",
        seasonal: "Lao động thời vụ",
        agency: "Lao động qua đại lý hoặc bên cung ứng lao động",
        day: "Lao động công nhật hoặc khoán sản phẩm",
        trainees: "Người học nghề hoặc thực tập sinh",
        homeworkers: "Lao động làm tại nhà",
      },
    },
    W1: { text: "Bao nhiêu phần trăm người lao động đến từ tỉnh, thành khác trong nước?" },
    W2: { text: "Bao nhiêu phần trăm người lao động đến từ nước khác?" },
    W3: { text: "Bao nhiêu phần trăm người lao động được thuê qua đại lý hoặc bên cung ứng lao động?" },
    W4: {
      text: "Có người lao động nào sống trong chỗ ở do quý vị hoặc bên cung ứng lao động cung cấp không?",
    },
    W5: {
      text: "Chỗ ở có đáp ứng các tiêu chuẩn pháp luật về diện tích, vệ sinh, an toàn và sự riêng tư không?",
    },
    W6: { text: "Người lao động có thể chọn sống ở nơi khác mà không bị mất lương hoặc mất việc không?" },
    PO1: {
      text: "Quý vị có chính sách bằng văn bản cấm lao động cưỡng bức, lao động gán nợ, lao động tù nhân và lao động bị mua bán không?",
      evidenceRequest: "Vui lòng tải lên chính sách.",
    },
    PO2: {
      text: "Chính sách này có áp dụng cả cho các bên tuyển dụng, bên cung ứng lao động và nhà cung cấp cấp dưới của quý vị không?",
    },
    PO3: {
      text: "Quý vị đã cam kết bằng văn bản rằng người lao động không bao giờ phải trả tiền để được tuyển dụng (nguyên tắc “người sử dụng lao động trả phí”) chưa?",
      evidenceRequest: "Vui lòng tải lên chính sách về phí tuyển dụng của quý vị.",
    },
    PO4: {
      text: "Quý vị có quy trình kỷ luật bằng văn bản cấm trừng phạt thân thể, đe dọa và phạt tiền không?",
      evidenceRequest: "Vui lòng tải lên quy trình kỷ luật.",
    },
    R1: {
      text: "Quý vị có sử dụng bên môi giới tuyển dụng, đại lý hoặc bên cung ứng lao động để tìm hoặc thuê người lao động không?",
    },
    R2: {
      text: "Tất cả các bên này có giấy phép và hợp đồng bằng văn bản với quý vị không?",
      evidenceRequest: "Vui lòng tải lên hợp đồng với một bên tuyển dụng của quý vị.",
    },
    R3: {
      text: "Có người lao động nào đã phải trả phí, tiền đặt cọc hoặc chi phí để có việc làm, cho quý vị hoặc bất kỳ ai khác không?",
      help: "Bao gồm chi phí đi lại, thị thực, khám sức khỏe và đào tạo mà người lao động phải trả.",
    },
    R4: {
      text: "Số tiền cao nhất mà một người lao động đã trả là bao nhiêu (tính bằng đô la Mỹ)?",
      unit: "USD",
    },
    R5: {
      text: "Các khoản phí và chi phí này đã được hoàn trả đầy đủ cho người lao động chưa?",
      evidenceRequest: "Vui lòng tải lên bằng chứng hoàn trả.",
    },
    R6: {
      text: "Quý vị hoặc bên cung ứng lao động có cho người lao động vay tiền hoặc ứng trước lương không?",
    },
    R7: {
      text: "Người lao động có thể nghỉ việc trước khi trả hết khoản vay hoặc tiền ứng mà không bị phạt không?",
    },
    C1: {
      text: "Mỗi người lao động có nhận được hợp đồng bằng văn bản, bằng ngôn ngữ họ hiểu, trước khi bắt đầu làm việc không?",
      evidenceRequest: "Vui lòng tải lên một hợp đồng mẫu đã xóa thông tin cá nhân.",
    },
    C2: {
      text: "Người lao động được tuyển từ nước ngoài có ký hợp đồng trước khi rời quê hương, với điều khoản không thay đổi khi đến nơi không?",
    },
    C3: { text: "Hợp đồng có ghi rõ tiền lương, giờ làm, các khoản khấu trừ và thời hạn báo trước không?" },
    I1: {
      text: "Cơ sở, hoặc bất kỳ ai thay mặt cơ sở, có giữ bản gốc hộ chiếu hoặc giấy tờ tùy thân của người lao động nào không?",
      help: "Hãy trả lời Có ngay cả khi người lao động đã đồng ý hoặc việc giữ là để bảo quản hộ.",
    },
    I2: { text: "Người lao động có tủ khóa riêng để cất giấy tờ mà chỉ họ mới tự quản lý được không?" },
    I3: {
      text: "Có bên tuyển dụng hoặc bên cung ứng lao động nào của quý vị giữ giấy tờ tùy thân của người lao động không?",
    },
    F1: { text: "Ngoài giờ làm việc, người lao động có thể tự do rời nơi làm việc và chỗ ở không?" },
    F2: {
      text: "Người lao động có thể nghỉ việc với thời hạn báo trước hợp lý mà không bị phạt tiền hoặc mất khoản lương còn được nhận không?",
    },
    F3: { text: "Người lao động phải báo trước bao nhiêu ngày để nghỉ việc?", unit: "ngày" },
    F4: {
      text: "Chỗ ở có bị khóa vào ban đêm, hoặc có giờ giới nghiêm mà người lao động không thể từ chối không?",
    },
    F5: { text: "Người lao động có được giữ điện thoại riêng và tự do liên lạc với gia đình, bạn bè không?" },
    WG1: {
      text: "Có khoản lương nào bị giữ lại, trả chậm hoặc khấu trừ vì chi phí tuyển dụng, tiền đặt cọc hoặc tiền phạt không?",
      help: "Thuế và bảo hiểm xã hội theo quy định của pháp luật không tính.",
    },
    WG2: {
      text: "Tất cả người lao động có được trả ít nhất mức lương tối thiểu theo luật cho giờ làm bình thường không?",
    },
    WG3: {
      text: "Người lao động được trả lương bao lâu một lần?",
      options: {
        weekly: "Hằng tuần",
        fortnightly: "Hai tuần một lần",
        monthly: "Hằng tháng",
        "less-often": "Lâu hơn một tháng một lần",
      },
    },
    WG4: {
      text: "Tiền lương có được trả trực tiếp cho từng người lao động, không qua bên tuyển dụng, người giám sát hoặc người thân không?",
    },
    WG5: {
      text: "Vào mỗi kỳ trả lương, mỗi người lao động có nhận được phiếu lương bằng ngôn ngữ họ hiểu không?",
      evidenceRequest: "Vui lòng tải lên một phiếu lương mẫu đã xóa thông tin cá nhân.",
    },
    WG6: {
      text: "Các chi phí như chỗ ở, ăn uống, đi lại, dụng cụ hoặc đồng phục có bị trừ vào lương không?",
    },
    WG7: { text: "Tỷ lệ lớn nhất của lương tháng bị khấu trừ cho các chi phí này là bao nhiêu?" },
    H1: {
      text: "Trong tháng cao điểm nhất, số giờ làm việc trung bình mỗi tuần của một người lao động, kể cả làm thêm, là bao nhiêu?",
      help: "Tiêu chuẩn ILO: 48 giờ làm việc bình thường, tổng cộng 60 giờ kể cả làm thêm.",
      unit: "giờ mỗi tuần",
    },
    H2: {
      text: "Trong 12 tháng qua, số giờ nhiều nhất mà một người lao động đã làm trong một tuần là bao nhiêu?",
      unit: "giờ",
    },
    H3: {
      text: "Người lao động có thể từ chối làm thêm giờ mà không bị phạt, và giờ làm thêm có được trả với mức lương cao hơn không?",
    },
    H4: { text: "Mỗi người lao động có được nghỉ ít nhất một ngày trong mỗi bảy ngày không?" },
    G1: {
      text: "Người lao động có thể khiếu nại ẩn danh, bằng ngôn ngữ của mình, mà không sợ bị trả thù không?",
      evidenceRequest:
        "Vui lòng tải lên bản mô tả hoặc ảnh chụp cách người lao động được thông báo về kênh này.",
    },
    G2: {
      text: "Trong 12 tháng qua đã có bao nhiêu khiếu nại?",
      help: "Con số bằng không có thể cho thấy người lao động không tin tưởng kênh khiếu nại.",
      unit: "khiếu nại",
    },
    G3: {
      text: "Trong 12 tháng qua, có ai đe dọa người lao động bằng việc sa thải, bạo lực hoặc tố giác với chính quyền để buộc họ làm việc hoặc ở lại không?",
    },
    G4: {
      text: "Có người lao động nào bị đánh, bị quấy rối tình dục, hoặc bị bỏ đói, không cho uống nước hay đi vệ sinh như một hình phạt không?",
    },
    G5: {
      text: "Người lao động có được đại diện bởi công đoàn hoặc ủy ban người lao động do họ tự do bầu ra không?",
    },
    S1: {
      text: "Hợp đồng của quý vị có yêu cầu các nhà cung cấp và bên cung ứng lao động của quý vị tuân thủ các tiêu chuẩn này không?",
      evidenceRequest: "Vui lòng tải lên bộ quy tắc ứng xử dành cho nhà cung cấp hoặc điều khoản hợp đồng.",
    },
    S2: {
      text: "Có nguyên vật liệu nào của quý vị đến từ các nguồn sau không?",
      help: "Chọn tất cả các mục phù hợp.",
      options: {
        xinjiang: "Khu tự trị Duy Ngô Nhĩ Tân Cương (Trung Quốc)",
        ilab: "Mặt hàng và quốc gia nằm trong danh sách lao động cưỡng bức của ILAB (Hoa Kỳ)",
        seafood: "Thủy sản từ các đội tàu đánh bắt xa bờ",
        none: "Không có nguồn nào kể trên",
        unknown: "Chúng tôi không biết",
      },
    },
    S3: {
      text: "Quý vị có kiểm tra các nhà cung cấp chính về lao động cưỡng bức, bằng bảng câu hỏi hoặc đánh giá không?",
    },
    A1: {
      text: "Lần đánh giá xã hội gần nhất của cơ sở sử dụng chương trình nào?",
      options: {
        smeta: "SMETA",
        "amfori-bsci": "amfori BSCI",
        rba: "RBA",
        sa8000: "SA8000",
        other: "Chương trình khác",
        none: "Không có đánh giá xã hội nào trong 3 năm qua",
      },
    },
    A2: { text: "Cuộc đánh giá diễn ra vào ngày nào?" },
    A3: {
      text: "Còn bao nhiêu điểm không phù hợp từ cuộc đánh giá đó chưa được khắc phục?",
      unit: "điểm không phù hợp chưa đóng",
    },
    A4: { text: "Vui lòng tải lên báo cáo đánh giá." },
    X1: {
      text: "Trong 24 tháng qua, có phát hiện lao động cưỡng bức hoặc lao động trẻ em trong hoạt động hoặc chuỗi cung ứng của quý vị không?",
    },
    X2: { text: "Đã phát hiện điều gì và quý vị đã xử lý như thế nào?" },
    X3: {
      text: "Những người lao động bị ảnh hưởng có được khắc phục không, chẳng hạn được hoàn phí, trả lại giấy tờ hoặc trả lương?",
      evidenceRequest: "Vui lòng tải lên bằng chứng khắc phục, chẳng hạn hồ sơ hoàn tiền.",
    },
    D1: { text: "Ai đã chuẩn bị các câu trả lời này?" },
    D2: { text: "Chức danh của người đó là gì?" },
  },
};
