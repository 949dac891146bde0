import type {Category} from "../core/constants.js";

/**
 * The grammar of the synthetic snippets, as data: for each language, several phrasings of each policy
 * intent and the words its slots take. A pattern is plain text with `{slot}` (a named slot of the
 * language, or of English when the language has none) and `{a|b|c}` (one of the alternatives, possibly
 * empty). A category's entry i is the intent of that category's i-th template (src/world/text.ts); an
 * entry with several patterns gives the intent several phrasings (other words, other order).
 *
 * Languages are those of the APAC countries (src/core/constants.ts COUNTRIES): English, Indonesian,
 * Malay, Tagalog, Thai, Vietnamese and Chinese. A language a country names but the grammar lacks is
 * written in English. Insults are mild on purpose: the texts must read as plausible reports, not shock.
 * Child-safety texts are the platform's own redaction notes, in English everywhere.
 */

export type Pattern = string | readonly string[];

export interface Language {
  slots: Readonly<Record<string, readonly string[]>>;
  categories: Readonly<Partial<Record<Category, readonly Pattern[]>>>;
  /** Benign texts many people forward (chain messages), in this language. */
  chain?: string;
  /** Words people open and close a post with (the empty string most often), in this language. */
  open: readonly string[];
  close: readonly string[];
}

export const GRAMMAR_LANGUAGES = ["EN", "ID", "MS", "TL", "TH", "VI", "ZH"] as const;
export type GrammarLanguage = (typeof GRAMMAR_LANGUAGES)[number];

const EN: Language = {
  open: ["", "", "", "", "ugh ", "lol ", "honestly ", "smh ", "omg ", "guys ", "wow "],
  close: ["", "", "", "", " smh", " lol", " fr", " ...", " seriously", " ffs", " tbh"],
  slots: {
    product: ["crypto signals", "followers", "designer bags", "diet pills", "phone credit", "gift cards", "forex course", "VPN deals", "game top-ups", "skin cream"],
    url: ["bit-deals.example", "win-now.example", "cheap-likes.example", "promo-hub.example", "fastcash.example", "l1nk.example/x", "getit.example"],
    amount: ["$50", "$200", "$1,000", "500 USDT", "$75", "$3,000"],
    insult: ["idiot", "clown", "loser", "joke", "fraud", "fool"],
    group: ["those people", "that community", "outsiders", "that lot", "newcomers", "these accounts"],
    claim: ["the vaccine changes your DNA", "the election was rigged by machines", "tap water is being poisoned", "the flood was staged", "5G towers spread the virus", "the blackout was done on purpose"],
    topic: ["the election", "the storm", "the outbreak", "the protest", "the new law", "the blackout"],
    thing: ["post", "video", "photo", "stream", "comment", "reel"],
    time: ["tonight", "today only", "this week", "right now", "before midnight", "until Sunday"]
  },
  categories: {
    spam: [
      ["{Buy|Get|Grab|Order} {product} {now|today|here} at {url}, {time}{!|!!|}", "{time}: {product} at {url}, {buy now|order now|don't miss it}"],
      ["{Get|Claim|Win} {product} for free, {limited offer|only a few left|while stocks last} {time} {url}", "{FREE|free|Free} {product}!! {limited offer|only a few left} {url} {time}"],
      ["I made {amount} {in a day|in one week|from home} with {product}, {DM me|message me|ask me how}", "{DM me|message me} to learn how I made {amount} {in a day|from home} with {product}"],
      ["{Cheap|Cheapest|Discount} {product}{!!!|!|} {visit|check|go to} {url}", "{visit|check out} {url} for {cheap|legit|real} {product}"],
      ["{Follow back|Follow me} for {product}, {link in bio|link in my profile|details in bio} {url}", "{want|need} {product}? {link in bio|DM me} {url}"]
    ],
    harassment_hate: [
      ["you are {such a|a total|an absolute} {insult}, {nobody wants you here|no one likes you|just leave}", "{nobody wants you here|no one likes you}, {you|what a} {insult}"],
      ["{group} should be {banned|kicked off|removed} from this {app|site|platform}", "{ban|kick out|remove} {group} from this {app|platform} already"],
      ["{log off|get lost|go away} you {insult}, {everyone hates|nobody likes} your {thing}", "{everyone hates|nobody likes} your {thing}, {log off|go away} {insult}"],
      ["people like you are why {group} {ruin everything|make this place worse}", "{group} {ruin everything|make this place worse} and people like you {help|cheer}"],
      ["delete your account{,| already,} {insult}", "{nobody asked|who asked} for your {thing}, {insult}"]
    ],
    nudity: [
      ["{uncensored|unfiltered|full} {thing} {in my profile|on my page|in bio}, 18+ only", "18+ only: {uncensored|unfiltered} {thing} {in my profile|in bio}"],
      ["{explicit|private} {thing} {leaked|out now}, {click|tap|open} {url}", "{leaked|exposed} {thing}, {click|tap} {url} {before it's gone|fast}"],
      ["see my {private|secret|spicy} {thing} {time}", "{private|spicy} {thing} {time}, {see|watch} it first"],
      ["{hot|spicy} pics no filter, {url}", "no filter {hot|spicy} pics {url}"]
    ],
    misinformation: [
      ["BREAKING: {claim}, {share before they delete this|spread the word|wake up people}", "{share before they delete this|spread the word}: {claim}"],
      ["{doctors|scientists|the news} won't tell you that {claim}", "what {doctors|the media} {won't tell you|are hiding}: {claim}"],
      ["my {cousin|neighbour|friend who works there} {confirmed|says|told me} {claim}", "{confirmed|true} by my {cousin|neighbour}: {claim}"],
      ["the truth about {topic}: {claim}", "{they lied about|wake up about} {topic}, {claim}"]
    ],
    child_safety: [
      "[content withheld: {suspected minor safety violation|age-inappropriate contact|suspected exploitation material}, {thing} escalated]",
      "[content withheld: grooming pattern in {thing} thread{|, escalated}]"
    ],
    other: [
      ["this {thing} is off-topic and keeps getting reposted", "{reposted again|spam repost}, this {thing} is off-topic"],
      ["selling my account, {offers|bids|DM offers} {time}", "account for sale{,|!} {offers|DM me} {time}"],
      ["{impersonating|pretending to be} a verified creator in this {thing}", "fake {profile|account} {impersonating|copying} a verified creator, see {thing}"],
      ["copyright: {reupload|stolen copy|repost} of someone else's {thing}", "{reupload|stolen} {thing}, not theirs, copyright claim"],
      ["graphic {thing} without a {warning|content warning}", "{no warning|no content warning} on this graphic {thing}"]
    ]
  },
  chain: "forward this to 10 friends or your {thing} gets deleted tomorrow, the app said so"
};

const ID: Language = {
  open: ["", "", "", "wkwk ", "duh ", "woi ", "gila "],
  close: ["", "", "", " deh", " sih", " ya", " wkwk", " bro"],
  slots: {
    product: ["pulsa murah", "followers", "obat diet", "tas branded", "sinyal crypto", "voucher game"],
    amount: ["Rp500 ribu", "Rp2 juta", "$200", "500 USDT"],
    insult: ["bodoh", "badut", "pecundang", "sampah"],
    group: ["orang-orang itu", "kelompok itu", "pendatang"],
    claim: ["vaksin mengubah DNA", "pemilu dicurangi mesin", "air keran diracuni", "banjir itu direkayasa", "menara 5G menyebarkan virus"],
    topic: ["pemilu", "badai", "wabah", "demo"],
    thing: ["postingan", "video", "foto", "siaran", "komentar"],
    time: ["malam ini", "hari ini saja", "minggu ini", "sekarang juga"]
  },
  categories: {
    spam: ["{Beli|Dapatkan|Order} {product} {sekarang|hari ini} di {url}, {time}!", "{Gratis|Murah|Diskon} {product}, {promo terbatas|stok terbatas} {url}", "aku dapat {amount} sehari dari {product}, {DM aku|chat aku}", "mau {product}? {cek|kunjungi} {url} {sekarang|buruan}"],
    harassment_hate: ["dasar {insult}, {tidak ada yang mau kamu di sini|pergi sana}", "{group} harus {dilarang|diusir} dari aplikasi ini", "pergi sana {insult}, semua benci {thing} kamu", "hapus akunmu, {insult}"],
    nudity: ["{video|foto} {tanpa sensor|pribadi} di profilku, 18+", "{foto|video} bocor, klik {url}", "lihat {thing} pribadiku {time}"],
    misinformation: ["BREAKING: {claim}, {sebarkan sebelum dihapus|viralkan}", "dokter tidak akan bilang bahwa {claim}", "sepupuku {memastikan|bilang} {claim}", "kebenaran soal {topic}: {claim}"],
    other: ["{thing} ini di luar topik dan terus diunggah ulang", "jual akun, {tawar|nego} {time}", "meniru kreator terverifikasi di {thing} ini", "hak cipta: unggah ulang {thing} orang lain", "{thing} sadis tanpa peringatan"]
  },
  chain: "teruskan pesan ini ke 10 teman atau {thing} kamu akan dihapus besok, kata aplikasinya"
};

const MS: Language = {
  open: ["", "", "", "weh ", "alamak ", "eh "],
  close: ["", "", "", " lah", " kan", " ni"],
  slots: {
    product: ["kredit telefon", "pengikut", "pil diet", "beg berjenama", "isyarat crypto"],
    amount: ["RM500", "RM2,000", "$200"],
    insult: ["bodoh", "badut", "sampah"],
    group: ["orang-orang itu", "kumpulan itu", "orang luar"],
    claim: ["vaksin mengubah DNA", "pilihan raya ditipu mesin", "air paip diracun", "menara 5G menyebarkan virus"],
    thing: ["hantaran", "video", "gambar", "siaran langsung"],
    time: ["malam ini", "hari ini sahaja", "minggu ini"]
  },
  categories: {
    spam: ["{Beli|Dapatkan} {product} {sekarang|hari ini} di {url}!", "{Percuma|Murah} {product}, tawaran terhad {time} {url}", "saya dapat {amount} sehari dengan {product}, PM saya"],
    harassment_hate: ["kau memang {insult}, tiada siapa mahu kau di sini", "{group} patut diharamkan dari aplikasi ini", "padam akaun kau, {insult}"],
    nudity: ["{video|gambar} tanpa tapisan di profil saya, 18+", "{video|gambar} bocor, klik {url}"],
    misinformation: ["TERKINI: {claim}, kongsi sebelum dipadam", "doktor tak akan beritahu bahawa {claim}"],
    other: ["{thing} ini luar topik dan asyik dimuat naik semula", "jual akaun, {tawaran|PM} {time}", "menyamar sebagai pencipta disahkan dalam {thing} ini"]
  }
};

const TL: Language = {
  open: ["", "", "", "hay naku ", "grabe ", "uy "],
  close: ["", "", "", " talaga", " lol", " ha", " pre"],
  slots: {
    product: ["load", "followers", "diet pills", "murang bag", "crypto signals"],
    amount: ["₱5,000", "$200", "₱20k"],
    insult: ["tanga", "payaso", "talunan", "basura"],
    group: ["mga taong iyon", "grupong iyon", "mga dayo"],
    claim: ["binabago ng bakuna ang DNA", "dinaya ng makina ang eleksyon", "nilason ang tubig sa gripo", "ang 5G tower ang nagkakalat ng virus"],
    thing: ["post", "video", "litrato", "live"],
    time: ["ngayong gabi", "ngayon lang", "ngayong linggo"]
  },
  categories: {
    spam: ["{Bili na|Kumuha na} ng {product} sa {url}, {time}!", "{Libreng|Murang} {product}, limited offer lang {url}", "kumita ako ng {amount} sa isang araw sa {product}, PM mo ako"],
    harassment_hate: ["ang {insult} mo, {walang may gusto sa'yo dito|umalis ka na}", "dapat i-ban ang {group} dito", "burahin mo na account mo, {insult}"],
    nudity: ["{video|litrato} na walang censor sa profile ko, 18+ lang", "na-leak na {thing}, i-click {url}"],
    misinformation: ["BREAKING: {claim}, i-share bago burahin", "sabi ng pinsan ko {claim}"],
    other: ["off-topic ang {thing} na ito at paulit-ulit na pino-post", "benta ko account ko, offer kayo {time}", "nagpapanggap na verified creator sa {thing} na ito"]
  }
};

const TH: Language = {
  open: ["", "", "", "555 ", "เฮ้ย ", "จริงๆ นะ "],
  close: ["", "", "", " 555", " นะ", " จริงๆ", " อะ"],
  slots: {
    product: ["ยาลดความอ้วน", "ผู้ติดตาม", "กระเป๋าแบรนด์เนม", "บัตรเติมเงิน", "สัญญาณคริปโต"],
    amount: ["5,000 บาท", "200 ดอลลาร์", "20,000 บาท"],
    insult: ["ไอ้โง่", "ตัวตลก", "ขี้แพ้", "ขยะ"],
    group: ["พวกนั้น", "คนกลุ่มนั้น", "คนนอก"],
    claim: ["วัคซีนเปลี่ยนดีเอ็นเอ", "เลือกตั้งถูกโกงด้วยเครื่อง", "น้ำประปามีสารพิษ", "เสา 5G แพร่เชื้อไวรัส"],
    thing: ["โพสต์", "คลิป", "รูป", "ไลฟ์"],
    time: ["คืนนี้", "วันนี้เท่านั้น", "สัปดาห์นี้"]
  },
  categories: {
    spam: ["{ซื้อ|สั่ง}{product}{เลย|ตอนนี้}ที่ {url} {time}!", "{product}{ฟรี|ราคาถูก} {โปรจำกัด|จำนวนจำกัด} {url}", "ได้เงิน{amount}ในวันเดียวจาก{product} ทักมา"],
    harassment_hate: ["แกมัน{insult} {ไม่มีใครอยากให้แกอยู่ที่นี่|ออกไปซะ}", "{group}ควรถูกแบนจากแอปนี้", "ลบบัญชีไปซะ {insult}"],
    nudity: ["{คลิป|รูป}ไม่เซ็นเซอร์ในโปรไฟล์ 18+ เท่านั้น", "{คลิป|รูป}หลุด คลิก {url}"],
    misinformation: ["ด่วน: {claim} แชร์ก่อนโดนลบ", "หมอไม่บอกคุณหรอกว่า{claim}", "ญาติยืนยันแล้วว่า{claim}"],
    other: ["{thing}นี้นอกเรื่องและถูกโพสต์ซ้ำ", "ขายบัญชี สนใจทักมา {time}", "แอบอ้างเป็นครีเอเตอร์ที่ยืนยันตัวตนใน{thing}นี้"]
  },
  chain: "ส่งต่อข้อความนี้ให้เพื่อน 10 คน ไม่งั้น{thing}ของคุณจะถูกลบพรุ่งนี้"
};

const VI: Language = {
  open: ["", "", "", "trời ơi ", "ê ", "thật sự "],
  close: ["", "", "", " nha", " luôn", " đó", " nhé"],
  slots: {
    product: ["thuốc giảm cân", "người theo dõi", "túi hàng hiệu", "thẻ cào", "tín hiệu crypto"],
    amount: ["5 triệu đồng", "200 USD", "500 USDT"],
    insult: ["đồ ngốc", "thằng hề", "kẻ thua cuộc", "đồ vô dụng"],
    group: ["bọn họ", "nhóm đó", "người ngoài"],
    claim: ["vắc xin thay đổi ADN", "bầu cử bị gian lận bằng máy", "nước máy bị đầu độc", "trạm 5G phát tán virus"],
    thing: ["bài đăng", "video", "ảnh", "buổi phát trực tiếp"],
    time: ["tối nay", "chỉ hôm nay", "tuần này"]
  },
  categories: {
    spam: ["{Mua|Đặt} {product} {ngay|hôm nay} tại {url}, {time}!", "{product} {miễn phí|giá rẻ}, {ưu đãi có hạn|số lượng có hạn} {url}", "mình kiếm được {amount} một ngày nhờ {product}, ib mình"],
    harassment_hate: ["mày đúng là {insult}, {không ai muốn mày ở đây|biến đi}", "{group} nên bị cấm khỏi ứng dụng này", "xóa tài khoản đi {insult}"],
    nudity: ["{video|ảnh} không che trong trang cá nhân, 18+", "{video|ảnh} bị lộ, bấm {url}"],
    misinformation: ["NÓNG: {claim}, chia sẻ trước khi bị xóa", "bác sĩ sẽ không nói cho bạn rằng {claim}", "anh họ mình xác nhận {claim}"],
    other: ["{thing} này lạc đề và bị đăng lại liên tục", "bán tài khoản, ai cần ib {time}", "giả mạo nhà sáng tạo đã xác minh trong {thing} này"]
  },
  chain: "chuyển tin nhắn này cho 10 người bạn, nếu không {thing} của bạn sẽ bị xóa vào ngày mai"
};

const ZH: Language = {
  open: ["", "", "", "哈哈", "天啊，", "说真的，"],
  close: ["", "", "", "！", "吧", "啊", "。。。"],
  slots: {
    product: ["减肥药", "粉丝", "名牌包", "话费", "加密货币信号"],
    amount: ["500新元", "200美元", "500 USDT"],
    insult: ["笨蛋", "小丑", "废物", "输家"],
    group: ["那些人", "那个群体", "外地人"],
    claim: ["疫苗会改变DNA", "选举被机器操纵", "自来水被下毒", "5G基站传播病毒"],
    thing: ["帖子", "视频", "照片", "直播"],
    time: ["今晚", "仅限今天", "本周"]
  },
  categories: {
    spam: ["{立即|马上}{购买|领取}{product}，{url}，{time}！", "{免费|超低价}{product}，{限时优惠|名额有限} {url}", "我靠{product}一天赚了{amount}，私信我"],
    harassment_hate: ["你真是个{insult}，{没人想看到你|快滚}", "{group}应该被这个应用封禁", "删号吧，{insult}"],
    nudity: ["主页有无码{thing}，仅限18+", "{thing}泄露，点击 {url}"],
    misinformation: ["突发：{claim}，删帖前快转发", "医生不会告诉你{claim}", "我表哥证实了{claim}"],
    other: ["这个{thing}跑题了还一直被转发", "出售账号，{time}欢迎出价", "在这个{thing}里冒充认证创作者"]
  },
  chain: "把这条消息转发给10个朋友，否则你的{thing}明天会被删除"
};

export const LANGUAGES: Readonly<Record<GrammarLanguage, Language>> = {EN, ID, MS, TL, TH, VI, ZH};

/** Campaign scripts: one per ring purpose, written once and copied (with small edits) by every member. */
export const CAMPAIGN_SCRIPTS: Readonly<Record<string, string>> = {
  harassment_brigade: "everyone report this {insult}, they deserve to lose their {thing}{| for good}",
  spam_bot_wave: "Exclusive {product} giveaway, claim {time} at promo-hub.example/claim",
  misinfo_network: "LEAKED MEMO: {topic} was planned, the media is hiding it{|, share}",
  scam_slow_burn: "Your account won {amount}! verify your payment at secure-pay.example to receive it",
  hate_raid: "{group} are not welcome, flood their {thing} until they leave",
  messaging_scam: "hi dear, I can double your {amount} in 24h, send to my wallet and I pay back"
};

/** Benign texts many unrelated people post or forward; the chain message also exists in the languages that have one. */
export const LOOKALIKE_SCRIPTS: Readonly<Record<string, string>> = {
  chain_message: EN.chain!,
  meme: "me watching {topic} updates at 3am instead of sleeping",
  copypasta: "I am not a bot, I just really love this {thing} and I will defend it forever",
  quoted_news: "officials say {topic} response will be reviewed, full statement in the {thing} below"
};
