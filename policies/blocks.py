from wagtail import blocks

LEGAL_BASES = [
    ("consent", "ความยินยอม (มาตรา 19) (Consent, s. 19)"),
    ("contract", "การปฏิบัติตามสัญญา (มาตรา 24(3)) (Contract, s. 24(3))"),
    ("public_task", "ภารกิจเพื่อประโยชน์สาธารณะ/อำนาจรัฐ (มาตรา 24(4)) (Public task, s. 24(4))"),
    ("legitimate_interest", "ประโยชน์โดยชอบด้วยกฎหมาย (มาตรา 24(5)) (Legitimate interest, s. 24(5))"),
    ("legal_obligation", "การปฏิบัติตามกฎหมาย (มาตรา 24(6)) (Legal obligation, s. 24(6))"),
    ("vital_interest", "ป้องกันอันตรายต่อชีวิต (มาตรา 24(2)) (Vital interest, s. 24(2))"),
]


class ProcessingBlock(blocks.StructBlock):
    """One purpose for which the municipality processes personal data (PDPA s. 23)."""

    purpose = blocks.CharBlock(label="วัตถุประสงค์ (Purpose)", max_length=300)
    legal_basis = blocks.ChoiceBlock(choices=LEGAL_BASES, label="ฐานทางกฎหมาย (Legal basis)")
    data = blocks.TextBlock(label="ข้อมูลที่เก็บ (Data kept)")
    retention = blocks.CharBlock(label="ระยะเวลาเก็บรักษา (Kept for)", max_length=300)
    recipients = blocks.TextBlock(label="ผู้รับข้อมูล (Recipients)", required=False)

    class Meta:
        icon = "list-ul"
        label = "การประมวลผลข้อมูลส่วนบุคคล (Processing of personal data)"
