package org.lente.nlp.time;

/** Languages the time tagger has rules for. */
public enum Lang { IT, EN }
