"""Codes that may stand in an MRZ's issuing-state and nationality fields (ICAO 9303 part 3).

These two fields have no check digit, so a misread (NLD read as NL0) can only be caught by
refusing codes that do not exist. ISO 3166-1 alpha-3 plus ICAO's own codes.
"""

from __future__ import annotations

_ISO_ALPHA3 = """
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR
BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL
COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK
FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV
HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO
LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG
MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN
PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE
SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO
TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
"""

# Germany writes "D"; the rest are ICAO codes for organisations, British nationality classes,
# stateless persons and refugees, Kosovo, and the fictional Utopia of the ICAO specimens.
_ICAO_SPECIAL = """
D EUE UNO UNA UNK XBA XIM XCC XCE XCO XEC XPO XES XMP XDC XOM XXA XXB XXC XXX RKS
GBD GBN GBO GBP GBS UTO
"""

KNOWN_CODES = frozenset(_ISO_ALPHA3.split()) | frozenset(_ICAO_SPECIAL.split())


def is_known_code(code: str) -> bool:
    """True for an issuing-state/nationality code (fillers already stripped) that exists."""
    return code in KNOWN_CODES
