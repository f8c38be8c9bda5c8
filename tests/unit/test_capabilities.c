/* test_capabilities.c - one table of cases per capability of the
 * extractor, through the whole pipeline (erg_doc_from_mem + erg_extractor)
 * with the default tu_lexicon(), on sentences written for these tests in the
 * style of wire news.
 *
 * The capabilities:
 *   1. unknown entities  (names the lexicon lacks, learned by their form)
 *   2. canonical entities (aliases, officials and capitals, places)
 *   3. syntax            (voice, lists, appositives, relative clauses,
 *                         nominalisations, directives, obligations,
 *                         licences, listings, attribution)
 *   4. coreference       (its, it, they, the companies, the regulator,
 *                         measures standing for their agency)
 *   5. negation, hedges and questions
 *
 * Each case lists what the document must produce, as
 * "subject relation object polarity modality" lines: the set of distinct
 * lines produced must be exactly `want`, except that lines in `optional`
 * may appear or not (the guideline's "optional": presupposed facts, the
 * maker of a named chip, a vendor beside a named chip).  A case whose
 * `want` is empty must produce nothing (optional lines aside).
 *
 * Every expectation follows ../shared/eval/GUIDELINE.md.  A case with `gap`
 * set is a KNOWN GAP of the current extractor: it is run, and skipped
 * (cmocka skip()) while its expectation is not met.  Once the extractor is
 * fixed it passes like any other case; then delete the mark.
 *
 * Learned names persist in the tu_lexicon(), so each case gets a fresh
 * default lexicon. */
#include "testutil.h"

#define POS " positive asserted"
#define NEG " negative asserted"
#define HEDGED " positive hedged"

#define MAXW 12

enum { G_UNKNOWN = 1, G_CANON, G_SYNTAX, G_COREF, G_NEGHEDGE, G_NGROUPS };

static const char *const group_names[G_NGROUPS] = {
	NULL, "unknown entities", "canonical entities", "syntax",
	"coreference", "negation, hedges, questions"};

typedef struct {
	int group;
	const char *name;
	const char *text;
	const char *want[MAXW];     /* NULL-terminated; empty: nothing */
	const char *optional[MAXW]; /* NULL-terminated; may appear or not */
	const char *gap;            /* KNOWN GAP description, or NULL */
} ccase;

static const ccase cases[] = {
	/* =================================================================
	 * 1. Unknown entities: companies by corporate form, their short
	 *    forms, chips by model code, product families, elliptic lists;
	 *    nothing learned from title-case headlines or from "COVID-19".
	 * ================================================================= */
	{G_UNKNOWN, "unknown_company_legal_form",
	 "Zhonghe Microelectronics Co., Ltd. bought H20 chips for its data "
	 "centres in Guangdong.",
	 {"Zhonghe Microelectronics purchased H20" POS}, {NULL}, NULL},
	{G_UNKNOWN, "unknown_company_group_listed",
	 "The Commerce Department added Xinyuan Semiconductor Group to the "
	 "Entity List on Friday.",
	 {"US Commerce Department restricted Xinyuan Semiconductor Group" POS},
	 {NULL}, NULL},
	{G_UNKNOWN, "unknown_company_two_word_short_form",
	 "Hefei Zhonghe Xinke Microelectronics Co., Ltd. bought H20 chips last "
	 "year. In March, the CAC summoned Hefei Zhonghe over the purchases.",
	 {"Hefei Zhonghe Xinke Microelectronics purchased H20" POS,
	  "CAC summoned Hefei Zhonghe Xinke Microelectronics" POS},
	 {NULL}, NULL},
	{G_UNKNOWN, "unknown_company_short_form_as_subject",
	 "Nanjing Ruiwei Kexin Technology Co. imported A100 processors in "
	 "2023. Nanjing Ruiwei later stockpiled H800 chips as well.",
	 {"Nanjing Ruiwei Kexin Technology purchased A100" POS,
	  "Nanjing Ruiwei Kexin Technology purchased H800" POS},
	 {NULL}, NULL},
	{G_UNKNOWN, "unknown_company_bracketed_acronym",
	 "The CAC summoned Zhonghe Microelectronics Co., Ltd. (ZHM) on "
	 "Tuesday. ZHM had bought H20 chips last year.",
	 {"CAC summoned Zhonghe Microelectronics" POS,
	  "Zhonghe Microelectronics purchased H20" POS},
	 {NULL}, NULL},
	/* KNOWN GAP: a bracketed short form that is an ordinary capitalised
	 * word is registered, but looked up only for all-capitals words. */
	{G_UNKNOWN, "unknown_company_bracketed_word",
	 "The CAC summoned Xinyuan Semiconductor Group (Xinyuan) on Tuesday. "
	 "Xinyuan had bought H20 chips last year.",
	 {"CAC summoned Xinyuan Semiconductor Group" POS,
	  "Xinyuan Semiconductor Group purchased H20" POS},
	 {NULL},
	 "bracketed short form '(Xinyuan)' is not recognised later in the text"},
	{G_UNKNOWN, "unknown_chip_after_possessive",
	 "Tencent has placed orders for Nvidia's B35, according to people "
	 "familiar with the matter.",
	 {"Tencent purchased B35" POS, "Nvidia makes B35" POS}, {NULL}, NULL},
	{G_UNKNOWN, "unknown_chip_possessive_passive",
	 "Nvidia's B35 was banned by the Commerce Department on Friday.",
	 {"US Commerce Department restricted B35" POS, "Nvidia makes B35" POS},
	 {"US Commerce Department restricted Nvidia" POS, NULL}, NULL},
	{G_UNKNOWN, "unknown_listed_names_stop_at_description",
	 "The Commerce Department blacklisted 15 companies, including Skydio "
	 "and its founder Adam Bry. Adam Bry bought H20 chips.",
	 {"US Commerce Department restricted Skydio" POS}, {NULL}, NULL},
	{G_UNKNOWN, "unknown_headline_state_then_org_word",
	 "China Summons Nvidia Over Academy Report",
	 {"Chinese government summoned Nvidia" POS}, {NULL}, NULL},
	{G_UNKNOWN, "unknown_chip_after_family",
	 "Huawei unveiled the Ascend 910D on Thursday.",
	 {"Huawei makes Ascend 910D" POS}, {NULL}, NULL},
	{G_UNKNOWN, "unknown_chip_family_and_noun",
	 "ByteDance ordered Ascend 910D chips.",
	 {"ByteDance purchased Ascend 910D" POS}, {NULL}, NULL},
	{G_UNKNOWN, "unknown_chip_before_chip_noun",
	 "Alibaba has ordered the K300 chips from a domestic supplier.",
	 {"Alibaba purchased K300" POS}, {NULL}, NULL},
	/* KNOWN GAP: two bare model codes sharing one chip noun; the first
	 * has no noun after it, the second follows "and" and is taken for an
	 * elliptic family member with no family. */
	{G_UNKNOWN, "unknown_chip_codes_share_noun",
	 "Tencent bought the K300 and K400 chips.",
	 {"Tencent purchased K300" POS, "Tencent purchased K400" POS}, {NULL},
	 "'the K300 and K400 chips': neither code is taken as a chip"},
	{G_UNKNOWN, "unknown_product_family_purchase",
	 "Tencent bought AMD Instinct GPUs last year.",
	 {"Tencent purchased Instinct" POS, "AMD makes Instinct" POS},
	 {"Tencent purchased AMD" POS}, NULL},
	{G_UNKNOWN, "unknown_product_family_restricted",
	 "The Commerce Department banned sales of AMD Instinct GPUs to China.",
	 {"US Commerce Department restricted Instinct" POS,
	  "AMD makes Instinct" POS},
	 {"US Commerce Department restricted AMD" POS}, NULL},
	{G_UNKNOWN, "unknown_elliptic_list",
	 "The Commerce Department banned the Ascend 910B, 910C and 910D.",
	 {"US Commerce Department restricted Ascend 910B" POS,
	  "US Commerce Department restricted Ascend 910C" POS,
	  "US Commerce Department restricted Ascend 910D" POS},
	 {NULL}, NULL},
	{G_UNKNOWN, "unknown_elliptic_list_possessive",
	 "Baidu has bought Huawei's Ascend 910C and 910D chips.",
	 {"Baidu purchased Ascend 910C" POS, "Baidu purchased Ascend 910D" POS,
	  "Huawei makes Ascend 910C" POS, "Huawei makes Ascend 910D" POS},
	 {"Baidu purchased Huawei" POS}, NULL},
	{G_UNKNOWN, "unknown_elliptic_list_directive",
	 "Chinese regulators told ByteDance to stop buying Huawei Ascend 910B, "
	 "910C and 910D processors.",
	 {"Chinese government restricted ByteDance" POS,
	  "Chinese government restricted Ascend 910B" POS,
	  "Chinese government restricted Ascend 910C" POS,
	  "Chinese government restricted Ascend 910D" POS,
	  "ByteDance purchased Ascend 910B" POS,
	  "ByteDance purchased Ascend 910C" POS,
	  "ByteDance purchased Ascend 910D" POS,
	  "Huawei makes Ascend 910B" POS, "Huawei makes Ascend 910C" POS,
	  "Huawei makes Ascend 910D" POS},
	 {"Chinese government restricted Huawei" POS,
	  "ByteDance purchased Huawei" POS},
	 NULL},
	/* the body names the company; the headline above it teaches nothing */
	{G_UNKNOWN, "unknown_headline_then_body",
	 "Beijing Summons Xinyuan Semiconductor Group Over H20 Orders\n\n"
	 "Xinyuan Semiconductor Group said on Monday it had not bought H20 "
	 "chips.",
	 {"Xinyuan Semiconductor Group purchased H20" NEG}, {NULL}, NULL},
	/* must produce nothing */
	{G_UNKNOWN, "unknown_none_title_case_headline",
	 "Fujian Xinhua Microelectronics Group Buys H20 Chips", {NULL}, {NULL},
	 NULL},
	{G_UNKNOWN, "unknown_none_covid_before_chip_noun",
	 "Tencent bought thousands of COVID-19 scanners for its offices.",
	 {NULL}, {NULL}, NULL},
	{G_UNKNOWN, "unknown_none_covid_after_possessive",
	 "Tencent's COVID-19 response won praise from Beijing.", {NULL},
	 {NULL}, NULL},
	{G_UNKNOWN, "unknown_none_company_without_relation",
	 "Shares of Zhonghe Microelectronics Co., Ltd. rose 4% on Monday.",
	 {NULL}, {NULL}, NULL},
	/* a learned buyer of generic goods: no chip, no vendor */
	{G_UNKNOWN, "unknown_none_company_generic_goods",
	 "Xinyuan Semiconductor Group bought advanced processors from domestic "
	 "suppliers.",
	 {NULL}, {NULL}, NULL},

	/* =================================================================
	 * 2. Canonical entities: officials, capitals and administrations
	 *    collapse to one agency per country; an official acts for the
	 *    body; one node per company whatever the spelling; a country
	 *    after a preposition or as an owner is no actor.
	 * ================================================================= */
	{G_CANON, "canon_chinese_officials",
	 "Chinese officials summoned Nvidia executives on Monday.",
	 {"Chinese government summoned Nvidia" POS}, {NULL}, NULL},
	{G_CANON, "canon_officials_and_beijing_one_node",
	 "Chinese officials summoned Nvidia. Later, Beijing banned the H20.",
	 {"Chinese government summoned Nvidia" POS,
	  "Chinese government restricted H20" POS},
	 {NULL}, NULL},
	{G_CANON, "canon_chinese_authorities",
	 "Chinese authorities told Alibaba to halt purchases of the H20.",
	 {"Chinese government restricted Alibaba" POS,
	  "Chinese government restricted H20" POS, "Alibaba purchased H20" POS},
	 {NULL}, NULL},
	{G_CANON, "canon_washington",
	 "Washington banned the B30A in August.",
	 {"US government restricted B30A" POS}, {NULL}, NULL},
	{G_CANON, "canon_trump_administration",
	 "The Trump administration added SMIC to the Entity List.",
	 {"US government restricted SMIC" POS}, {NULL}, NULL},
	{G_CANON, "canon_biden_administration",
	 "The Biden administration restricted the A800 in 2023.",
	 {"US government restricted A800" POS}, {NULL}, NULL},
	{G_CANON, "canon_us_officials_dotted",
	 "U.S. officials have blacklisted Sophgo.",
	 {"US government restricted Sophgo" POS}, {NULL}, NULL},
	{G_CANON, "canon_washington_and_us_government_one_node",
	 "Washington blacklisted Sophgo. The U.S. government later banned the "
	 "B30A.",
	 {"US government restricted Sophgo" POS,
	  "US government restricted B30A" POS},
	 {NULL}, NULL},
	{G_CANON, "canon_commerce_secretary",
	 "Commerce Secretary Howard Lutnick blacklisted Sophgo on Friday.",
	 {"US Commerce Department restricted Sophgo" POS}, {NULL}, NULL},
	{G_CANON, "canon_commerce_secretary_the_department",
	 "Commerce Secretary Howard Lutnick said on Friday that the department "
	 "had added Sophgo to the Entity List.",
	 {"US Commerce Department restricted Sophgo" POS}, {NULL}, NULL},
	{G_CANON, "canon_commerce_minister",
	 "China's commerce minister summoned Nvidia executives on Tuesday.",
	 {"MOFCOM summoned Nvidia" POS}, {NULL}, NULL},
	{G_CANON, "canon_nvidia_spellings_one_node",
	 "Nvidia Corp. unveiled the B30A on Monday. ByteDance has already "
	 "ordered Nvidia's H20, and Baidu bought NVIDIA's H200.",
	 {"Nvidia makes B30A" POS, "Nvidia makes H20" POS,
	  "Nvidia makes H200" POS, "ByteDance purchased H20" POS,
	  "Baidu purchased H200" POS},
	 {NULL}, NULL},
	{G_CANON, "canon_nvidia_corp_and_caps",
	 "Nvidia Corp. designed the H20, and Tencent bought NVIDIA's H20 chips.",
	 {"Nvidia makes H20" POS, "Tencent purchased H20" POS}, {NULL}, NULL},
	/* "to China" is a destination: only the Commerce Department acts */
	{G_CANON, "canon_country_after_preposition",
	 "The Commerce Department banned H20 exports to China.",
	 {"US Commerce Department restricted H20" POS}, {NULL}, NULL},
	{G_CANON, "canon_country_possessive_in_appositive",
	 "Tencent, China's biggest gaming company, bought H20 chips.",
	 {"Tencent purchased H20" POS}, {NULL}, NULL},
	{G_CANON, "canon_city_based_company",
	 "Beijing-based Baidu bought H20 chips.",
	 {"Baidu purchased H20" POS}, {NULL}, NULL},
	/* must produce nothing */
	{G_CANON, "canon_none_exports_to_country",
	 "Nvidia resumed chip exports to China on Monday.", {NULL}, {NULL},
	 NULL},
	{G_CANON, "canon_none_country_owner",
	 "China's tech industry bought H20 chips.", {NULL}, {NULL}, NULL},
	{G_CANON, "canon_none_company_halts_sales_to_country",
	 "Sales of the H20 to China were halted by Nvidia.", {NULL}, {NULL},
	 NULL},
	{G_CANON, "canon_none_officials_meet",
	 "Chinese officials and U.S. officials met in Geneva on Monday.",
	 {NULL}, {NULL}, NULL},

	/* =================================================================
	 * 3. Syntax: voice, coordination, appositives, relative clauses,
	 *    nominalisations, control verbs, obligations, licences,
	 *    listings, attribution.
	 * ================================================================= */
	{G_SYNTAX, "syntax_passive_late_by",
	 "The B30A was restricted last month by the Commerce Department.",
	 {"US Commerce Department restricted B30A" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_passive_list_late_by",
	 "Huawei and ZTE were blacklisted in 2019 by Washington.",
	 {"US government restricted Huawei" POS,
	  "US government restricted ZTE" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_list_or",
	 "The MIIT barred Inspur, Sugon or Lenovo from buying the H20.",
	 {"MIIT restricted Inspur" POS, "MIIT restricted Sugon" POS,
	  "MIIT restricted Lenovo" POS, "MIIT restricted H20" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_list_neither_nor_passive",
	 "Neither Tencent nor Baidu was summoned by the CAC.",
	 {"CAC summoned Tencent" NEG, "CAC summoned Baidu" NEG}, {NULL}, NULL},
	/* KNOWN GAP: "neither ... nor" after the verb is read as a plain
	 * list, and its negation is lost. */
	{G_SYNTAX, "syntax_list_neither_nor_object",
	 "The MIIT summoned neither Inspur nor Sugon.",
	 {"MIIT summoned Inspur" NEG, "MIIT summoned Sugon" NEG}, {NULL},
	 "object list 'neither X nor Y' comes out positive asserted"},
	{G_SYNTAX, "syntax_list_oxford_comma_object",
	 "The CAC summoned Tencent, Baidu, and Kuaishou on Friday.",
	 {"CAC summoned Tencent" POS, "CAC summoned Baidu" POS,
	  "CAC summoned Kuaishou" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_list_oxford_comma_subject",
	 "Tencent, Baidu, and Kuaishou bought B30A chips.",
	 {"Tencent purchased B30A" POS, "Baidu purchased B30A" POS,
	  "Kuaishou purchased B30A" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_list_such_as",
	 "The MIIT banned several chips, such as the H20 and the RTX Pro 6000D.",
	 {"MIIT restricted H20" POS, "MIIT restricted RTX Pro 6000D" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_list_including",
	 "Washington sanctioned Chinese chipmakers, including SMIC, Hua Hong "
	 "and YMTC.",
	 {"US government restricted SMIC" POS,
	  "US government restricted Hua Hong" POS,
	  "US government restricted YMTC" POS},
	 {NULL}, NULL},
	/* equipment from a named vendor: purchased(buyer, vendor) */
	{G_SYNTAX, "syntax_appositive_subject",
	 "SMIC, China's largest chipmaker, bought lithography machines from "
	 "ASML.",
	 {"SMIC purchased ASML" POS}, {NULL}, NULL},
	/* KNOWN GAP: the passive object search stops inside the appositive
	 * and takes its chip instead of the head noun Huawei. */
	{G_SYNTAX, "syntax_appositive_passive",
	 "Huawei, the maker of the Ascend chips, was blacklisted by the "
	 "Commerce Department.",
	 {"US Commerce Department restricted Huawei" POS,
	  "Huawei makes Ascend" POS},
	 {NULL},
	 "passive after an appositive restricts the appositive's chip, not "
	 "Huawei; 'the maker of' gives no makes"},
	{G_SYNTAX, "syntax_relative_clause_passive",
	 "The H20, which Nvidia designed for the Chinese market, was later "
	 "banned by the MIIT.",
	 {"MIIT restricted H20" POS, "Nvidia makes H20" POS},
	 {"MIIT restricted Nvidia" POS, NULL}, NULL},
	{G_SYNTAX, "syntax_relative_clause_object_gap",
	 "The RTX Pro 6000D, which Tencent had ordered, was banned by the CAC.",
	 {"CAC restricted RTX Pro 6000D" POS,
	  "Tencent purchased RTX Pro 6000D" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_relative_clause_in_subject",
	 "Sophgo, which Washington blacklisted in January, bought H20 chips.",
	 {"US government restricted Sophgo" POS, "Sophgo purchased H20" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_named_agency_and_others",
	 "The CAC and other agencies met with Tencent and Baidu on Tuesday.",
	 {"CAC summoned Tencent" POS, "CAC summoned Baidu" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_generic_group_is_no_subject",
	 "Other agencies met with Tencent on Tuesday.", {NULL}, {NULL}, NULL},
	{G_SYNTAX, "syntax_target_of_state_controls",
	 "The H100, which is now a major target of US export controls, sold "
	 "out in May.",
	 {"US government restricted H100" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_listing_past_a_place",
	 "The Commerce Department added Sophgo and 30 other firms in the AI "
	 "sector to the Entity List on Monday.",
	 {"US Commerce Department restricted Sophgo" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_on_list_owner",
	 "Sophgo has been on the Commerce Department's Entity List since 2020.",
	 {"US Commerce Department restricted Sophgo" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_on_list_keeper_after",
	 "Sophgo remains on the Entity List of the Commerce Department.",
	 {"US Commerce Department restricted Sophgo" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_on_list_no_keeper",
	 "Sophgo is on the Entity List.", {NULL}, {NULL}, NULL},
	{G_SYNTAX, "syntax_on_list_described_group",
	 "Chips from Huawei and the state-backed group Phytium were approved. "
	 "Both companies are currently on the US government's export "
	 "blacklist.",
	 {"US government restricted Huawei" POS,
	  "US government restricted Phytium" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_list_passes_other_kind",
	 "The Commerce Department added Sophgo, the Institute of Automation of "
	 "the Chinese Academy of Sciences, and Biren to the Entity List.",
	 {"US Commerce Department restricted Sophgo" POS,
	  "US Commerce Department restricted Biren" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_list_passes_appositive",
	 "The CAC summoned Tencent, the country's largest gaming firm, and "
	 "ByteDance on Monday.",
	 {"CAC summoned Tencent" POS, "CAC summoned ByteDance" POS}, {NULL},
	 NULL},
	{G_SYNTAX, "syntax_list_needs_and",
	 "The CAC summoned Tencent, the gaming firm, ByteDance said.",
	 {"CAC summoned Tencent" POS}, {NULL}, NULL},
	/* an owner from the chip's own country reads as its maker: "Baidu's
	 * Ascend 910B cluster" would give Baidu makes Ascend 910B */
	{G_SYNTAX, "syntax_buyer_possessive_compound",
	 "Regulators asked about Tencent's H20 orders and Baidu's A100 "
	 "cluster.",
	 {"Tencent purchased H20" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_agency_possessive_compound",
	 "Beijing's H20 ban took effect in September.",
	 {"Chinese government restricted H20" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_nominal_production_of",
	 "Huawei began mass production of the Ascend 910C in May.",
	 {"Huawei makes Ascend 910C" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_agent_noun_buyer",
	 "Tencent is a major buyer of AMD processors. Baidu used Huawei chips "
	 "while also being a buyer of the H20.",
	 {"Tencent purchased AMD" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_met_executives_from",
	 "The CAC met executives from Kuaishou on Friday.",
	 {"CAC summoned Kuaishou" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_directive_terminate",
	 "The CAC told Baidu to terminate its orders of the H20.",
	 {"CAC restricted Baidu" POS, "CAC restricted H20" POS,
	  "Baidu purchased H20" POS},
	 {"CAC restricted Nvidia" POS, NULL}, NULL},
	{G_SYNTAX, "syntax_listing_described_names",
	 "The Commerce Department added 140 entities to its trade restriction "
	 "list, including Chinese chip equipment makers Veltrix and Quornet.",
	 {"US Commerce Department restricted Veltrix" POS,
	  "US Commerce Department restricted Quornet" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_demanded_that_explain",
	 "Tencent and Baidu bought H20 chips. The MIIT demanded that the "
	 "companies explain the orders.",
	 {"Tencent purchased H20" POS, "Baidu purchased H20" POS,
	  "MIIT summoned Tencent" POS, "MIIT summoned Baidu" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_passive_also_same_agent",
	 "The CAC summoned Tencent on Monday. Baidu was also called in.",
	 {"CAC summoned Tencent" POS, "CAC summoned Baidu" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_passive_as_well",
	 "Washington blacklisted Sugon in 2019. Hygon was blacklisted as well.",
	 {"US government restricted Sugon" POS,
	  "US government restricted Hygon" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_measure_covered",
	 "The restrictions, issued by the Bureau of Industry and Security, also "
	 "covered the L40S.",
	 {"BIS restricted L40S" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_licence_long_object",
	 "Malaysia will require a trade permit for exports and transshipments "
	 "of high-performance AI chips of US origin, including Nvidia's "
	 "Blackwell and H100 processors.",
	 {"Malaysian government restricted Blackwell" POS,
	  "Malaysian government restricted H100" POS, "Nvidia makes Blackwell" POS,
	  "Nvidia makes H100" POS},
	 {"Malaysian government restricted Nvidia" POS, NULL}, NULL},
	{G_SYNTAX, "syntax_subject_past_like_aside",
	 "Tencent, like ByteDance, has also purchased the Ascend 910B.",
	 {"Tencent purchased Ascend 910B" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_summoned_to_the_ministry",
	 "Representatives of Nvidia were summoned to the commerce ministry on "
	 "Friday.",
	 {"MOFCOM summoned Nvidia" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_measure_owner_possessive",
	 "The NDRC's instruction covers the MI308.",
	 {"NDRC restricted MI308" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_on_list_body_named_later",
	 "SMIC has been on the US Entity List since 2020, when the Commerce "
	 "Department added it.",
	 {"US Commerce Department restricted SMIC" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_directive_urging",
	 "The CAC began urging Alibaba to avoid the H20.",
	 {"CAC restricted Alibaba" POS, "CAC restricted H20" POS}, {NULL},
	 NULL},
	{G_SYNTAX, "syntax_list_along_with_representatives",
	 "The market regulator called in Lenovo executives, along with "
	 "representatives of Inspur.",
	 {"SAMR summoned Lenovo" POS, "SAMR summoned Inspur" POS}, {NULL},
	 NULL},
	{G_SYNTAX, "syntax_list_no_clause_merge",
	 "The Commerce Department blacklisted Inspur, citing security "
	 "concerns, and Sugon said it would appeal.",
	 {"US Commerce Department restricted Inspur" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_maker_possessive_orders",
	 "Nvidia's H20 orders had risen sharply.", {"Nvidia makes H20" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_directive_orders_them",
	 "Tencent and Baidu bought H20 chips. The CAC orders them to stop "
	 "buying the H20.",
	 {"Tencent purchased H20" POS, "Baidu purchased H20" POS,
	  "CAC restricted Tencent" POS, "CAC restricted Baidu" POS,
	  "CAC restricted H20" POS},
	 {"CAC restricted Nvidia" POS, NULL}, NULL},
	{G_SYNTAX, "syntax_licence_before_sale",
	 "After winning a licence, Nvidia began to ship H20 chips to Tencent.",
	 {"Tencent purchased H20" POS}, {"Nvidia makes H20" POS, NULL}, NULL},
	{G_SYNTAX, "syntax_agent_noun_has_long_been",
	 "Tencent has long been a buyer of the H20.",
	 {"Tencent purchased H20" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_received_chip_orders",
	 "Nvidia received H20 orders from Tencent.",
	 {"Tencent purchased H20" POS},
	 {"Tencent purchased Nvidia" POS, "Nvidia makes H20" POS, NULL}, NULL},
	{G_SYNTAX, "syntax_obligation_at_end",
	 "Operators must stop buying H20 chips,", {NULL}, {NULL}, NULL},
	{G_SYNTAX, "syntax_export_licence_state",
	 "Nvidia still requires export licences for these shipments.",
	 {"US government restricted Nvidia" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_export_licence_body_said",
	 "The MI308 requires an export licence, the Commerce Department said.",
	 {"US Commerce Department restricted MI308" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_licence_no_state",
	 "Sugon said it still needs a permit for the move.", {NULL}, {NULL},
	 NULL},
	{G_SYNTAX, "syntax_guidance_from_agency",
	 "The move follows guidance from Chinese authorities discouraging "
	 "local companies from buying the H20.",
	 {"Chinese government restricted H20" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_own_officers_directive",
	 "China's customs agency has instructed its officers to block imports "
	 "of the H20.",
	 {"China Customs restricted H20" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_purchase_its_own_from_vendor",
	 "Lenovo buys most of its processors from Intel.",
	 {"Lenovo purchased Intel" POS}, {NULL}, NULL},
	{G_UNKNOWN, "unknown_chip_based",
	 "ByteDance has bought thousands of Blackwell-based servers.",
	 {"ByteDance purchased Blackwell" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_passive_no_agent_no_also",
	 "The CAC summoned Tencent on Monday. Baidu was called in.",
	 {"CAC summoned Tencent" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_listing_passive_list_owner",
	 "Chinese customs officials seized chips. Wingtech was added to the US "
	 "entity list in December.",
	 {"US government restricted Wingtech" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_received_orders_from",
	 "TSMC received large orders from Sophgo last year.",
	 {"Sophgo purchased TSMC" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_nominal_their_purchases",
	 "The CAC summoned Alibaba and Baidu over their purchases of the H20.",
	 {"CAC summoned Alibaba" POS, "CAC summoned Baidu" POS,
	  "Alibaba purchased H20" POS, "Baidu purchased H20" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_nominal_possessive_crackdown",
	 "The CAC's crackdown on the RTX Pro 6000D began in September.",
	 {"CAC restricted RTX Pro 6000D" POS}, {NULL}, NULL},
	/* KNOWN GAP: after a generic object ("AI chips") a comma ends the
	 * search, so the chips named after "affecting" are lost. */
	{G_SYNTAX, "syntax_nominal_restrictions_affecting",
	 "The Commerce Department imposed restrictions on AI chips, affecting "
	 "the H20 and the MI308.",
	 {"US Commerce Department restricted H20" POS,
	  "US Commerce Department restricted MI308" POS},
	 {NULL},
	 "'restrictions on AI chips, affecting X and Y' finds no object"},
	/* KNOWN GAP: an order to halt purchases by unnamed buyers restricts
	 * the chip; "ordered" is read as a purchase verb instead. */
	{G_SYNTAX, "syntax_nominal_halt_to_purchases",
	 "Beijing ordered a halt to H20 purchases.",
	 {"Chinese government restricted H20" POS}, {NULL},
	 "'ordered a halt to H20 purchases' yields nothing"},
	{G_SYNTAX, "syntax_control_ordered_halt",
	 "The MIIT ordered Baidu to halt purchases of RTX Pro 6000D chips.",
	 {"MIIT restricted Baidu" POS, "MIIT restricted RTX Pro 6000D" POS,
	  "Baidu purchased RTX Pro 6000D" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_control_told_stop",
	 "The CAC told Kuaishou to stop buying the RTX Pro 6000D.",
	 {"CAC restricted Kuaishou" POS, "CAC restricted RTX Pro 6000D" POS,
	  "Kuaishou purchased RTX Pro 6000D" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_control_warned_against",
	 "Beijing warned Tencent against using the H20.",
	 {"Chinese government restricted Tencent" POS,
	  "Chinese government restricted H20" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_control_avoid",
	 "Chinese regulators told Baidu to avoid the B30A.",
	 {"Chinese government restricted Baidu" POS,
	  "Chinese government restricted B30A" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_control_passive",
	 "Tencent and Baidu were told by Beijing to stop buying the H20.",
	 {"Chinese government restricted Tencent" POS,
	  "Chinese government restricted Baidu" POS,
	  "Chinese government restricted H20" POS, "Tencent purchased H20" POS,
	  "Baidu purchased H20" POS},
	 {NULL}, NULL},
	/* unnamed buyers: the vendor is the target */
	{G_SYNTAX, "syntax_obligation_vendor",
	 "The CAC said operators must stop buying products from Micron.",
	 {"CAC restricted Micron" POS}, {NULL}, NULL},
	/* KNOWN GAP: purchases ordered halted existed, as in the directive
	 * pattern; the obligation pattern does not say so. */
	{G_SYNTAX, "syntax_obligation_named_buyer",
	 "The CAC said Tencent must stop buying the H20.",
	 {"CAC restricted Tencent" POS, "CAC restricted H20" POS,
	  "Tencent purchased H20" POS},
	 {NULL}, "'X must stop buying Y' misses purchased(X, Y)"},
	/* KNOWN GAP: the obligation pattern only looks left for its agency. */
	{G_SYNTAX, "syntax_obligation_trailing_agency",
	 "Operators of data centres must stop buying Nvidia chips, the CAC "
	 "said.",
	 {"CAC restricted Nvidia" POS}, {NULL},
	 "obligation with the agency in a trailing 'the CAC said' yields nothing"},
	{G_SYNTAX, "syntax_licence_to_ship",
	 "The Commerce Department told AMD it would need a license to ship the "
	 "MI308 to China.",
	 {"US Commerce Department restricted AMD" POS,
	  "US Commerce Department restricted MI308" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_listing_two_companies",
	 "The Commerce Department added Sophgo and Zhipu AI to the Entity List.",
	 {"US Commerce Department restricted Sophgo" POS,
	  "US Commerce Department restricted Zhipu AI" POS},
	 {NULL}, NULL},
	{G_SYNTAX, "syntax_listing_passive_after_agency_sentence",
	 "The Bureau of Industry and Security updated its rules on Tuesday. "
	 "Sophgo and Biren were added to the Entity List.",
	 {"BIS restricted Sophgo" POS, "BIS restricted Biren" POS}, {NULL},
	 NULL},
	{G_SYNTAX, "syntax_attribution_according_to",
	 "According to Bloomberg, Tencent has stockpiled H20 chips.",
	 {"Tencent purchased H20" POS}, {NULL}, NULL},
	{G_SYNTAX, "syntax_attribution_trailing",
	 "Tencent bought H20 chips from Nvidia, Bloomberg News reported.",
	 {"Tencent purchased H20" POS}, {"Tencent purchased Nvidia" POS},
	 NULL},
	/* must produce nothing */
	{G_SYNTAX, "syntax_none_passive_without_agent",
	 "The B30A was restricted last month.", {NULL}, {NULL}, NULL},
	{G_SYNTAX, "syntax_none_listing_without_agency",
	 "Biren was added to the Entity List on Tuesday.", {NULL}, {NULL},
	 NULL},
	/* the buyer in a sale bought; the seller bought nothing, and the
	 * outlet is only a source */
	{G_SYNTAX, "syntax_sale_to_named_buyer_attributed",
	 "Nvidia sold the H20 to Tencent, Bloomberg reported.",
	 {"Tencent purchased H20" POS}, {"Tencent purchased Nvidia" POS},
	 NULL},
	{G_SYNTAX, "syntax_none_directive_without_restriction",
	 "The MIIT told Baidu to expand its data centres in Inner Mongolia.",
	 {NULL}, {NULL}, NULL},

	/* =================================================================
	 * 4. Coreference: its, it, they/their/the companies, the regulator,
	 *    the ministry, a measure standing for its agency.
	 * ================================================================= */
	{G_COREF, "coref_its_sale_is_the_chip",
	 "AMD designed the MI308 for China. The Commerce Department banned its "
	 "sale in April.",
	 {"AMD makes MI308" POS, "US Commerce Department restricted MI308" POS},
	 {"US Commerce Department restricted AMD" POS, NULL}, NULL},
	{G_COREF, "coref_the_chips_licence",
	 "Nvidia shipped H20 chips to Chinese buyers in May. The company still "
	 "needs US export licences to ship the chips.",
	 {"US government restricted Nvidia" POS,
	  "US government restricted H20" POS},
	 {"Nvidia makes H20" POS, NULL}, NULL},
	{G_COREF, "coref_owner_alias",
	 "The TikTok owner has ordered 100,000 Ascend 910B chips.",
	 {"ByteDance purchased Ascend 910B" POS},
	 {"Huawei makes Ascend 910B" POS, NULL}, NULL},
	{G_COREF, "coref_group_skips_owned_company",
	 "The CAC summoned Tencent and ByteDance, owner of TikTok, on Monday "
	 "over their purchases of the H20.",
	 {"CAC summoned Tencent" POS, "CAC summoned ByteDance" POS,
	  "Tencent purchased H20" POS, "ByteDance purchased H20" POS},
	 {NULL}, NULL},
	{G_COREF, "coref_them_bought_is_no_company",
	 "Seoul urged Samsung and SK Hynix to keep out of the market. The CAC "
	 "ordered operators to stop purchasing them.",
	 {NULL}, {NULL}, NULL},
	{G_COREF, "coref_both_companies_named_apart",
	 "SMIC runs fabs in Shanghai. Hua Hong also runs fabs there. Both "
	 "companies have bought etch tools from Lam Research.",
	 {"SMIC purchased Lam Research" POS, "Hua Hong purchased Lam Research" POS},
	 {NULL}, NULL},
	{G_COREF, "coref_its_import_is_the_chip",
	 "Nvidia designed the B30A. Beijing has blocked its import.",
	 {"Nvidia makes B30A" POS, "Chinese government restricted B30A" POS},
	 {"Chinese government restricted Nvidia" POS, NULL}, NULL},
	/* "its shares" is the company's; "the chip" is the B30A */
	{G_COREF, "coref_its_shares_and_the_chip",
	 "Nvidia unveiled the B30A. Its shares rose after Tencent ordered the "
	 "chip.",
	 {"Nvidia makes B30A" POS, "Tencent purchased B30A" POS}, {NULL}, NULL},
	/* KNOWN GAP: "its executives" (its = the company) as the object of a
	 * summons is not taken for the company. */
	{G_COREF, "coref_its_executives_is_the_company",
	 "Nvidia unveiled the B30A. The CAC later questioned its executives.",
	 {"Nvidia makes B30A" POS, "CAC summoned Nvidia" POS}, {NULL},
	 "'questioned its executives' finds no object company"},
	{G_COREF, "coref_its_orders",
	 "ByteDance bought the H20 in 2024. The CAC questioned ByteDance about "
	 "its orders of the B30A.",
	 {"ByteDance purchased H20" POS, "ByteDance purchased B30A" POS,
	  "CAC summoned ByteDance" POS},
	 {NULL}, NULL},
	{G_COREF, "coref_it_object_company",
	 "Tencent bought H20 chips. The CAC summoned it on Monday.",
	 {"Tencent purchased H20" POS, "CAC summoned Tencent" POS}, {NULL},
	 NULL},
	/* KNOWN GAP: "it" only ever means an agency or a company. */
	{G_COREF, "coref_it_object_chip",
	 "The MIIT banned the H20 in May. Baidu bought it anyway.",
	 {"MIIT restricted H20" POS, "Baidu purchased H20" POS}, {NULL},
	 "object 'it' is not resolved to the last chip"},
	{G_COREF, "coref_it_subject_company",
	 "The CAC questioned Baidu on Monday. It had bought H20 chips in May.",
	 {"CAC summoned Baidu" POS, "Baidu purchased H20" POS}, {NULL}, NULL},
	{G_COREF, "coref_it_subject_agency",
	 "The CAC summoned Baidu on Monday. It then told Baidu to halt "
	 "purchases of the H20.",
	 {"CAC summoned Baidu" POS, "CAC restricted Baidu" POS,
	  "CAC restricted H20" POS, "Baidu purchased H20" POS},
	 {NULL}, NULL},
	{G_COREF, "coref_they",
	 "The MIIT summoned Baidu and iFlytek. They had ordered H20 chips.",
	 {"MIIT summoned Baidu" POS, "MIIT summoned iFlytek" POS,
	  "Baidu purchased H20" POS, "iFlytek purchased H20" POS},
	 {NULL}, NULL},
	{G_COREF, "coref_their",
	 "The MIIT summoned Baidu and iFlytek. Their purchases of H20 chips had "
	 "surged.",
	 {"MIIT summoned Baidu" POS, "MIIT summoned iFlytek" POS,
	  "Baidu purchased H20" POS, "iFlytek purchased H20" POS},
	 {NULL}, NULL},
	{G_COREF, "coref_the_companies_subject",
	 "The CAC summoned Baidu and iFlytek on Friday. The companies had "
	 "stockpiled H20 chips.",
	 {"CAC summoned Baidu" POS, "CAC summoned iFlytek" POS,
	  "Baidu purchased H20" POS, "iFlytek purchased H20" POS},
	 {NULL}, NULL},
	{G_COREF, "coref_both_companies_object",
	 "Baidu and iFlytek bought H20 chips. The MIIT then summoned both "
	 "companies.",
	 {"Baidu purchased H20" POS, "iFlytek purchased H20" POS,
	  "MIIT summoned Baidu" POS, "MIIT summoned iFlytek" POS},
	 {NULL}, NULL},
	{G_COREF, "coref_them_directive",
	 "AMD and Nvidia make GPUs. The CAC told them to stop selling the H20.",
	 {"CAC restricted AMD" POS, "CAC restricted Nvidia" POS,
	  "CAC restricted H20" POS},
	 {NULL}, NULL},
	{G_COREF, "coref_the_firms_and_the_regulator",
	 "The CAC summoned Kuaishou and Meituan. The regulator later told the "
	 "firms to stop buying the RTX Pro 6000D.",
	 {"CAC summoned Kuaishou" POS, "CAC summoned Meituan" POS,
	  "CAC restricted Kuaishou" POS, "CAC restricted Meituan" POS,
	  "CAC restricted RTX Pro 6000D" POS,
	  "Kuaishou purchased RTX Pro 6000D" POS,
	  "Meituan purchased RTX Pro 6000D" POS},
	 {NULL}, NULL},
	{G_COREF, "coref_the_ministry",
	 "MOFCOM summoned Nvidia on Friday. The ministry banned the H20 a week "
	 "later.",
	 {"MOFCOM summoned Nvidia" POS, "MOFCOM restricted H20" POS}, {NULL},
	 NULL},
	{G_COREF, "coref_the_regulator_and_the_company",
	 "The CAC summoned ByteDance in June. The regulator had warned the "
	 "company against using the H20.",
	 {"CAC summoned ByteDance" POS, "CAC restricted ByteDance" POS,
	  "CAC restricted H20" POS},
	 {NULL}, NULL},
	{G_COREF, "coref_measure_order_targets",
	 "The CAC issued an order on Tuesday. The order targets the H20.",
	 {"CAC restricted H20" POS}, {NULL}, NULL},
	{G_COREF, "coref_measure_notice_bars",
	 "The MIIT issued a notice on Tuesday. The notice bars Baidu from "
	 "buying the H20.",
	 {"MIIT restricted Baidu" POS, "MIIT restricted H20" POS}, {NULL},
	 NULL},
	/* KNOWN GAP: a ban on "their purchases of Y" restricts the buyers but
	 * not the chip named in the nominal. */
	{G_COREF, "coref_ban_on_their_purchases",
	 "The CAC summoned ByteDance and Kuaishou. The MIIT later banned their "
	 "purchases of the H20.",
	 {"CAC summoned ByteDance" POS, "CAC summoned Kuaishou" POS,
	  "MIIT restricted ByteDance" POS, "MIIT restricted Kuaishou" POS,
	  "MIIT restricted H20" POS, "ByteDance purchased H20" POS,
	  "Kuaishou purchased H20" POS},
	 {NULL}, "'banned their purchases of Y' misses restricted(A, Y)"},
	/* must produce nothing: nothing named before the reference */
	{G_COREF, "coref_none_ministry_without_antecedent",
	 "The ministry summoned Nvidia on Friday.", {NULL}, {NULL}, NULL},
	{G_COREF, "coref_none_companies_without_antecedent",
	 "The companies bought H20 chips.", {NULL}, {NULL}, NULL},

	/* =================================================================
	 * 5. Negation, hedges, questions: never positive and asserted; and
	 *    a negation in another clause leaves the relation asserted.
	 * ================================================================= */
	{G_NEGHEDGE, "neg_did_not_summon", "The MIIT did not summon Baidu.",
	 {"MIIT summoned Baidu" NEG}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_not_summoned_or_list",
	 "The CAC has not summoned Kuaishou or iFlytek.",
	 {"CAC summoned Kuaishou" NEG, "CAC summoned iFlytek" NEG}, {NULL},
	 NULL},
	{G_NEGHEDGE, "neg_yet_to", "The MIIT has yet to summon Alibaba.",
	 {"MIIT summoned Alibaba" NEG}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_failed_to", "Baidu failed to buy the H20 before May.",
	 {"Baidu purchased H20" NEG}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_stopped_short_of",
	 "The Commerce Department stopped short of blacklisting Sophgo.",
	 {"US Commerce Department restricted Sophgo" NEG}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_ruled_out",
	 "Washington ruled out banning the MI308 this year.",
	 {"US government restricted MI308" NEG}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_held_off",
	 "The CAC held off on summoning Tencent last week.",
	 {"CAC summoned Tencent" NEG}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_no_evidence",
	 "Officials said there was no evidence that MOFCOM had sanctioned "
	 "Micron.",
	 {"MOFCOM restricted Micron" NEG}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_could_not_confirm",
	 "Bloomberg could not confirm that the CAC had summoned Baidu.",
	 {"CAC summoned Baidu" NEG}, {NULL}, NULL},
	{G_NEGHEDGE, "hedge_rumours",
	 "Rumours that the MIIT had banned the RTX Pro 6000D spread on Monday.",
	 {"MIIT restricted RTX Pro 6000D" HEDGED}, {NULL}, NULL},
	{G_NEGHEDGE, "hedge_planned_measure",
	 "Beijing delayed its planned H20 restrictions.",
	 {"Chinese government restricted H20" HEDGED}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_avoided_buying",
	 "Alibaba avoided buying the H20 this spring.", {NULL}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_courtesy_meeting",
	 "The commerce minister held a courtesy meeting with Nvidia on Friday.",
	 {NULL}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_association_is_no_agency",
	 "The China Semiconductor Industry Association told members to stop "
	 "buying Micron chips.",
	 {NULL}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_permitted_sale",
	 "Washington revoked licences that allowed Qualcomm to ship chips to "
	 "Huawei.",
	 {"US government restricted Qualcomm" POS}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_agent_is_a_review",
	 "Micron became the first US chipmaker to be targeted by such a "
	 "review in China.",
	 {NULL}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_dateline_is_no_actor",
	 "SEOUL, May 2 (Reuters) - The CAC banned Micron chips.",
	 {"CAC restricted Micron" POS}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_correction",
	 "An earlier article incorrectly stated that the MIIT had banned "
	 "Lenovo.",
	 {"MIIT restricted Lenovo" NEG}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_denied_directive_no_purchase",
	 "ByteDance said it had never been told by the CAC to halt purchases "
	 "of Nvidia products.",
	 {"CAC restricted ByteDance" NEG}, {"CAC restricted Nvidia" NEG, NULL},
	 NULL},
	{G_NEGHEDGE, "neg_reported_clause_subject",
	 "Lawmakers cited documents showing that universities tied to the "
	 "People's Liberation Army had acquired H100 processors, in a letter "
	 "to Nvidia and AMD.",
	 {NULL}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_designation_name_is_no_agent",
	 "Xiaomi was once called a Chinese military company, and a court "
	 "later blocked the label.",
	 {NULL}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_open_its_maker",
	 "Nvidia's H20 sold well. Nvidia asked Amkor and Samsung to suspend "
	 "production related to its H20 chip. Beijing banned the H20.",
	 {"Nvidia makes H20" POS, "Chinese government restricted H20" POS,
	  "Chinese government restricted Nvidia" POS},
	 {NULL}, NULL},
	{G_NEGHEDGE, "neg_held_back_from",
	 "Tencent and Alibaba have so far held back from large purchases of "
	 "the Ascend 910B.",
	 {"Tencent purchased Ascend 910B" NEG, "Alibaba purchased Ascend 910B" NEG},
	 {NULL}, NULL},
	{G_NEGHEDGE, "neg_called_for",
	 "A senator called for the Commerce Department to cut off exports to "
	 "SMIC.",
	 {"US Commerce Department restricted SMIC" HEDGED}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_probe_targets",
	 "MOFCOM launched an anti-dumping investigation into analog chips, in "
	 "a move that targets Texas Instruments.",
	 {NULL}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_summoned_agency_about_company",
	 "US officials have questioned Malaysian authorities about shipments "
	 "of Nvidia chips.",
	 {NULL}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_place_after_preposition",
	 "MOFCOM opened a probe into chips imported from the United States, "
	 "in a move that targets Texas Instruments.",
	 {NULL}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_owner_of_chip_not_called_in",
	 "Alibaba halted orders for Nvidia's H20 after being called in by the "
	 "CAC.",
	 {"CAC summoned Alibaba" POS},
	 {"Nvidia makes H20" POS, "Alibaba purchased H20" POS, NULL}, NULL},
	{G_NEGHEDGE, "neg_comma_is_no_list",
	 "Under pressure from Washington, the Netherlands announced "
	 "restrictions covering ASML's machines.",
	 {"Dutch government restricted ASML" POS}, {NULL}, NULL},
	{G_NEGHEDGE, "hedge_condition_after",
	 "The CAC will summon Nvidia if the risks are confirmed.",
	 {"CAC summoned Nvidia" HEDGED}, {NULL}, NULL},
	{G_NEGHEDGE, "hedge_even_if_concedes",
	 "The MIIT banned the H20, even if some firms objected.",
	 {"MIIT restricted H20" POS}, {NULL}, NULL},
	{G_NEGHEDGE, "hedge_informed_would_is_reported",
	 "The Commerce Department informed AMD that shipments of the MI308 "
	 "would require a licence.",
	 {"US Commerce Department restricted AMD" POS,
	  "US Commerce Department restricted MI308" POS},
	 {NULL}, NULL},
	{G_NEGHEDGE, "hedge_analysts_would",
	 "Analysts said Washington would require a licence for the H20.",
	 {"US government restricted H20" HEDGED}, {NULL}, NULL},
	{G_NEGHEDGE, "hedge_informed_with_condition",
	 "The Commerce Department told Nvidia the H20 would require a licence "
	 "if sales resumed.",
	 {"US Commerce Department restricted Nvidia" HEDGED,
	  "US Commerce Department restricted H20" HEDGED},
	 {NULL}, NULL},
	{G_NEGHEDGE, "neg_not_on_list", "Sophgo is not on the US Entity List.",
	 {"US government restricted Sophgo" NEG}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_never", "The CAC has never summoned Baidu.",
	 {"CAC summoned Baidu" NEG}, {NULL}, NULL},
	{G_NEGHEDGE, "neg_denied_ordering_chips",
	 "Baidu denied that it had ordered H20 chips.",
	 {"Baidu purchased H20" NEG}, {NULL}, NULL},
	/* the purchases the order would have halted are presupposed, hence
	 * optional either way */
	{G_NEGHEDGE, "neg_denied_directive",
	 "The CAC denied that it had ordered Baidu to stop buying the H20.",
	 {"CAC restricted Baidu" NEG, "CAC restricted H20" NEG},
	 {"Baidu purchased H20" POS, "Baidu purchased H20" NEG}, NULL},
	{G_NEGHEDGE, "neg_neither_nor",
	 "Neither Baidu nor iFlytek bought the RTX Pro 6000D.",
	 {"Baidu purchased RTX Pro 6000D" NEG,
	  "iFlytek purchased RTX Pro 6000D" NEG},
	 {NULL}, NULL},
	{G_NEGHEDGE, "neg_neither_nor_attributed",
	 "Neither Baidu nor iFlytek has bought B30A chips, people familiar "
	 "with the matter said.",
	 {"Baidu purchased B30A" NEG, "iFlytek purchased B30A" NEG}, {NULL},
	 NULL},
	{G_NEGHEDGE, "hedge_could", "Washington could blacklist Sophgo.",
	 {"US government restricted Sophgo" HEDGED}, {NULL}, NULL},
	{G_NEGHEDGE, "hedge_considering_restrictions",
	 "The MIIT is considering restrictions on the RTX Pro 6000D.",
	 {"MIIT restricted RTX Pro 6000D" HEDGED}, {NULL}, NULL},
	{G_NEGHEDGE, "hedge_weighing_ban",
	 "Washington is weighing a ban on the B30A.",
	 {"US government restricted B30A" HEDGED}, {NULL}, NULL},
	{G_NEGHEDGE, "hedge_plans_to_buy",
	 "iFlytek plans to buy Ascend 910C chips next year.",
	 {"iFlytek purchased Ascend 910C" HEDGED}, {NULL}, NULL},
	{G_NEGHEDGE, "hedge_may_have",
	 "Tencent may have bought H20 chips.",
	 {"Tencent purchased H20" HEDGED}, {NULL}, NULL},
	/* KNOWN GAP: "is prepared to bar" is read as a passive ("is" within
	 * four words of the trigger) and finds no agent. */
	{G_NEGHEDGE, "hedge_prepared_to_bar",
	 "The Commerce Department is prepared to bar Nvidia from selling the "
	 "B30A.",
	 {"US Commerce Department restricted Nvidia" HEDGED,
	  "US Commerce Department restricted B30A" HEDGED},
	 {NULL}, "'is prepared to bar' is taken for a passive: nothing found"},
	/* KNOWN GAP: same passive misreading of "is unlikely to ban". */
	{G_NEGHEDGE, "hedge_unlikely_to",
	 "The MIIT is unlikely to ban the H20.",
	 {"MIIT restricted H20" HEDGED}, {NULL},
	 "'is unlikely to ban' is taken for a passive: nothing found"},
	{G_NEGHEDGE, "hedge_conditional",
	 "If the MIIT bans the RTX Pro 6000D, Baidu would lose a key supplier.",
	 {"MIIT restricted RTX Pro 6000D" HEDGED}, {NULL}, NULL},
	{G_NEGHEDGE, "hedge_question", "Will Washington blacklist Sophgo?",
	 {"US government restricted Sophgo" HEDGED}, {NULL}, NULL},
	{G_NEGHEDGE, "hedge_why_needed_after_summons",
	 "The CAC summoned Tencent and asked why it needed to buy H20 chips.",
	 {"CAC summoned Tencent" POS, "Tencent purchased H20" HEDGED}, {NULL},
	 NULL},
	/* KNOWN GAP: asking the companies why they needed the chips is
	 * questioning them (summoned); only the hedged purchases are found. */
	{G_NEGHEDGE, "hedge_why_needed_asked",
	 "The CAC asked Tencent and Baidu why they needed to buy H20 chips.",
	 {"CAC summoned Tencent" POS, "CAC summoned Baidu" POS,
	  "Tencent purchased H20" HEDGED, "Baidu purchased H20" HEDGED},
	 {NULL}, "'asked X and Y why they needed to buy' gives no summoned"},
	{G_NEGHEDGE, "hedge_approvals_to_buy_in_list",
	 "Several firms, including ByteDance, applied for approvals to buy "
	 "B30A chips.",
	 {"ByteDance purchased B30A" HEDGED}, {NULL}, NULL},
	/* KNOWN GAP: "is in talks to buy" is read as a passive ("is" within
	 * four words of the trigger) and finds no subject. */
	{G_NEGHEDGE, "hedge_in_talks_to_buy",
	 "ByteDance is in talks to buy B30A chips.",
	 {"ByteDance purchased B30A" HEDGED}, {NULL},
	 "'is in talks to buy' is taken for a passive: nothing found"},
	{G_NEGHEDGE, "hedge_preparing_orders",
	 "Tencent is preparing orders for the B30A.",
	 {"Tencent purchased B30A" HEDGED}, {NULL}, NULL},
	/* a signed deal is a purchase, "to buy" notwithstanding */
	{G_NEGHEDGE, "asserted_agreed_to_buy",
	 "Alibaba has agreed to buy H20 chips worth $1 billion.",
	 {"Alibaba purchased H20" POS}, {NULL}, NULL},
	/* needing a licence to buy is no purchase yet, like an approval to
	 * buy */
	{G_NEGHEDGE, "hedge_licence_to_buy",
	 "Chinese officials told ByteDance it would need a licence to buy the "
	 "H20.",
	 {"Chinese government restricted ByteDance" POS,
	  "Chinese government restricted H20" POS,
	  "ByteDance purchased H20" HEDGED},
	 {NULL}, NULL},
	/* a negation in another clause or sentence does not reach */
	{G_NEGHEDGE, "asserted_negation_in_first_clause",
	 "The MIIT did not give a reason, but it summoned Baidu on Friday.",
	 {"MIIT summoned Baidu" POS}, {NULL}, NULL},
	{G_NEGHEDGE, "asserted_no_comment_then_purchase",
	 "Tencent did not comment, but it bought H20 chips in May.",
	 {"Tencent purchased H20" POS}, {NULL}, NULL},
	{G_NEGHEDGE, "asserted_negation_in_previous_sentence",
	 "Nvidia said it was not aware of any ban. The CAC banned the H20 on "
	 "Monday.",
	 {"CAC restricted H20" POS}, {NULL}, NULL},
	{G_NEGHEDGE, "asserted_after_although_clause",
	 "Although the CAC did not ban the H20, it summoned Nvidia.",
	 {"CAC restricted H20" NEG, "CAC summoned Nvidia" POS}, {NULL}, NULL},
	/* KNOWN GAP: a negation inside a relative clause between subject and
	 * trigger negates the main clause. */
	{G_NEGHEDGE, "asserted_negation_in_relative_clause",
	 "The CAC, which did not name any chips, summoned ByteDance.",
	 {"CAC summoned ByteDance" POS}, {NULL},
	 "'not' inside 'which ...' negates the main verb"},
	{G_NEGHEDGE, "asserted_never_in_relative_clause",
	 "Baidu, which has never bought Nvidia chips, was summoned by the CAC.",
	 {"Baidu purchased Nvidia" NEG, "CAC summoned Baidu" POS}, {NULL},
	 "'never' inside 'which ...' negates the main passive"},
	/* must produce nothing */
	{G_NEGHEDGE, "neghedge_none_whether_unnamed",
	 "The CAC did not say whether it had summoned anyone.", {NULL}, {NULL},
	 NULL},
	{G_NEGHEDGE, "neghedge_none_generic_chips",
	 "Whether Tencent will keep buying chips is unclear.", {NULL}, {NULL},
	 NULL},
};

/* Does the output meet the case?  Prints why not. */
static int check_case(const ccase *c, const tu_strs *got)
{
	int ok = 1;

	for (const char *const *w = c->want; *w; w++)
		if (!tu_strs_has(got, *w)) {
			print_error("  missing: %s\n", *w);
			ok = 0;
		}
	for (size_t i = 0; i < got->n; i++)
		if (!tu_list_has(c->want, got->v[i]) &&
		    !tu_list_has(c->optional, got->v[i])) {
			print_error("  unexpected: %s\n", got->v[i]);
			ok = 0;
		}
	return ok;
}

static void run_case(void **state)
{
	const ccase *c = *state;
	tu_strs got = {0};

	tu_extract(tu_lexicon(), c->text, &got);
	tu_case_finish(c->name, c->text, c->want, &got, check_case(c, &got),
	               c->gap);
}

/* A line is "SUBJECT RELATION OBJECT POLARITY MODALITY" with a known
 * relation, polarity and modality. */
static void check_line(const char *w)
{
	const char *p = strstr(w, " positive ");

	if (!p)
		p = strstr(w, " negative ");
	assert_non_null(p);
	assert_true(strcmp(p + 10, "asserted") == 0 ||
	            strcmp(p + 10, "hedged") == 0);
	assert_true(strstr(w, " summoned ") || strstr(w, " purchased ") ||
	            strstr(w, " restricted ") || strstr(w, " makes "));
}

/* The table itself: enough cases, names unique, lines well-formed, and
 * every group with at least one case that must produce nothing. */
static void table_is_well_formed(void **state)
{
	size_t per_group[G_NGROUPS] = {0}, none[G_NGROUPS] = {0};

	(void)state;
	assert_true(TU_COUNT(cases) >= 70);
	for (size_t i = 0; i < TU_COUNT(cases); i++) {
		const ccase *c = &cases[i];

		assert_true(c->group > 0 && c->group < G_NGROUPS);
		assert_non_null(c->name);
		assert_non_null(c->text);
		for (size_t k = i + 1; k < TU_COUNT(cases); k++)
			assert_string_not_equal(c->name, cases[k].name);
		for (const char *const *w = c->want; *w; w++) {
			check_line(*w);
			/* no line both wanted and optional, nor wanted twice */
			assert_false(tu_list_has(c->optional, *w));
			assert_false(tu_list_has(w + 1, *w));
		}
		for (const char *const *w = c->optional; *w; w++)
			check_line(*w);
		per_group[c->group]++;
		if (!c->want[0])
			none[c->group]++;
	}
	for (int g = 1; g < G_NGROUPS; g++) {
		print_message("%-28s %2zu cases, %zu must produce nothing\n",
		              group_names[g], per_group[g], none[g]);
		assert_true(none[g] >= 1);
	}
}

int main(void)
{
	struct CMUnitTest tests[TU_COUNT(cases) + 1];
	size_t n = 0;

	memset(tests, 0, sizeof tests);
	tests[n].name = "table_is_well_formed";
	tests[n++].test_func = table_is_well_formed;
	for (size_t i = 0; i < TU_COUNT(cases); i++) {
		tests[n].name = cases[i].name;
		tests[n].test_func = run_case;
		tests[n].setup_func = tu_lexicon_setup;
		tests[n].teardown_func = tu_lexicon_teardown;
		/* cmocka hands initial_state to the test as *state */
		tests[n++].initial_state = (void *)(uintptr_t)&cases[i];
	}
	return _cmocka_run_group_tests("capabilities", tests, n, NULL, NULL);
}
