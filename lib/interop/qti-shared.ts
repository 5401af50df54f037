// Names shared by the QTI 3.0 exporter and importer, so the two cannot drift apart.
export const QTI_NS = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";
export const QTI_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd";
export const QTI_CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";
export const QTI_CP_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd";
export const LOM_NS = "http://ltsc.ieee.org/xsd/LOM";
export const LOM_XSD = "https://purl.imsglobal.org/spec/md/v1p3/schema/xsd/imsmd_loose_v1p3p2.xsd";
export const QTI_MD_NS = "http://www.imsglobal.org/xsd/imsqti_metadata_v3p0";
export const QTI_MD_XSD = "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_metadatav3p0_v1p0.xsd";

export const ITEM_RESOURCE_TYPE = "imsqti_item_xmlv3p0";
export const STIMULUS_RESOURCE_TYPE = "imsqti_stimulus_xmlv3p0";
export const TEST_RESOURCE_TYPE = "imsqti_test_xmlv3p0";

/** Attributes of ours, on elements that take HTML data-* attributes in QTI 3.0. */
export const DATA = {
  /** The authored source of a rendered text, so a Paracrine import gets it back byte for byte. */
  source: "data-paracrine-source",
  format: "data-paracrine-format",
  type: "data-paracrine-type",
  check: "data-paracrine-check",
  step: "data-paracrine-step",
} as const;

/** Taxon-path sources in the LOM classification of each item resource. */
export const TAXON = { objective: "paracrine:objective", topic: "paracrine:topic", level: "paracrine:bloom-level" } as const;

/** Feedback identifiers (values of the FEEDBACK outcome). Choice feedback is CHOICE_ + choice id. */
export const FB = { explanation: "EXPLANATION", general: "GENERAL", incorrect: "INCORRECT", choice: "CHOICE_", answer: "ANSWER_" } as const;
