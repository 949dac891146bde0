import {COUNTRIES, type Category} from "./constants.js";

/**
 * The Digital Services Act's vocabulary as the workbook uses it: content types, how a notice reached the
 * platform, account types, the grounds of a decision, the laws Article 16 notices cite, and the
 * languages content is written in. The simulation draws from it and the transparency outputs map it.
 */

export const CONTENT_TYPES = ["text", "image", "video"] as const;
export const NOTICE_TYPES = ["article_16", "trusted_flagger", "other_notification", "own_initiative"] as const;
export const ACCOUNT_TYPES = ["private", "business"] as const;
export const DECISION_GROUNDS = ["illegal_content", "terms_and_conditions"] as const;

export interface LegalGround {
  id: string;
  /** The law a notifier cites, as a citation a reader can look up. */
  law: string;
  category: Category;
}

/** The laws Article 16 notices cite, by the policy category of the content they target. */
export const LEGAL_GROUNDS: readonly LegalGround[] = [
  {id: "fraud", law: "Directive (EU) 2019/713 on combating fraud and counterfeiting of non-cash means of payment", category: "spam"},
  {id: "hate_speech", law: "Council Framework Decision 2008/913/JHA on combating racism and xenophobia, as transposed", category: "harassment_hate"},
  {id: "cyber_harassment", law: "Directive (EU) 2024/1385 on combating violence against women and domestic violence, Article 7 (cyber harassment)", category: "harassment_hate"},
  {id: "intimate_images", law: "Directive (EU) 2024/1385, Article 5 (non-consensual sharing of intimate material)", category: "nudity"},
  {id: "defamation", law: "National criminal law on defamation", category: "misinformation"},
  {id: "csam", law: "Directive 2011/93/EU on combating the sexual abuse and sexual exploitation of children", category: "child_safety"},
  {id: "terrorist_content", law: "Regulation (EU) 2021/784 on addressing the dissemination of terrorist content online", category: "other"},
  {id: "copyright", law: "Directive (EU) 2019/790 on copyright in the Digital Single Market", category: "other"}
];

/** Every language any country uses, in a fixed order. */
export const LANGUAGES: readonly string[] = [...new Set(COUNTRIES.flatMap((c) => Object.keys(c.languages)))].sort();
