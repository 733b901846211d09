import i18n from "i18next";
import { jaDeal } from "./jaDeal";

// Imported by every module that reads deal.*, documents.*, paymentRequest.*, tokens.*, settlement.*: the words join the Japanese dictionary when the first
// of those modules loads.
i18n.addResourceBundle("ja", "translation", jaDeal, true, false);
