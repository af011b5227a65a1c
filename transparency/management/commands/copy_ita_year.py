from django.core.management.base import BaseCommand, CommandError

from transparency.models import MAX_YEAR, MIN_YEAR, AssessmentYear


class Command(BaseCommand):
    help = "Copy an assessment year's OIT items and evidence links to a new year, to edit there."

    def add_arguments(self, parser):
        parser.add_argument("source", help="ปีการประเมินต้นทาง พ.ศ. (source year, B.E.), e.g. 2569")
        parser.add_argument("target", help="ปีการประเมินใหม่ พ.ศ. (new year, B.E.), e.g. 2570")

    def handle(self, *args, source, target, **options):
        years = []
        for value in (source, target):
            if not value.isdigit() or not MIN_YEAR <= int(value) <= MAX_YEAR:
                raise CommandError(
                    f"ปี {value!r} ไม่ถูกต้อง ใส่ปี พ.ศ. {MIN_YEAR}–{MAX_YEAR} "
                    f"(Not a B.E. year between {MIN_YEAR} and {MAX_YEAR})"
                )
            years.append(int(value))
        original = AssessmentYear.objects.filter(year=years[0]).first()
        if original is None:
            raise CommandError(f"ไม่มีปีการประเมิน {years[0]} (No assessment year {years[0]})")
        if AssessmentYear.objects.filter(year=years[1]).exists():
            raise CommandError(f"มีปีการประเมิน {years[1]} แล้ว (Year {years[1]} already exists)")
        new = original.copy_to(years[1])
        self.stdout.write(
            f"คัดลอก {new.items.count()} ข้อไปยัง ITA {new.year} แล้ว (Copied to ITA {new.year})"
        )
