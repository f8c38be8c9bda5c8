/* data.S - the default lexicon files, linked into the library so that the
 * program needs no data directory at run time. */
	.section .rodata
	.global erg_data_entities
erg_data_entities:
	.incbin "data/entities.txt"
	.byte 0
	.global erg_data_rules
erg_data_rules:
	.incbin "data/rules.txt"
	.byte 0
	.section .note.GNU-stack,"",@progbits
