package fr.passerelle.reporting.review.query;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the departmental and national reviews. Every figure is computed from the projected facts
 * when asked, within one snapshot of the read model, so that the figures of a review agree.
 */
@Component
public class ReviewQueryHandler {

  private static final int LARGEST = 5;

  private final ReviewReadModel readModel;

  ReviewQueryHandler(ReviewReadModel readModel) {
    this.readModel = readModel;
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public DepartmentReview handle(FindDepartmentReviewQuery query) {
    ReviewFigures figures = readModel.figures(query.year(), query.asOf(), query.departmentCode());
    long validatedInFrance = readModel.validatedInFrance(query.year(), query.asOf());
    return new DepartmentReview(
        query.departmentCode(),
        query.year(),
        query.asOf(),
        figures.dossiersStudied(),
        figures.validated(),
        figures.refused(),
        readModel.validatedByNationality(query.year(), query.asOf(), query.departmentCode()),
        figures.validatedTraffickingVictims(),
        figures.permitsIssued(),
        figures.afisRecipients(),
        figures.afisMonthlyTotalCents(),
        figures.beneficiariesInEmployment(),
        figures.beneficiariesOnCdi(),
        Percentages.of(figures.validated(), validatedInFrance));
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public NationalReview handle(FindNationalReviewQuery query) {
    ReviewFigures figures = readModel.figures(query.year(), query.asOf(), null);
    Map<String, Long> byDepartment = readModel.validatedByDepartment(query.year(), query.asOf());
    List<NationalReview.DepartmentShare> departments =
        byDepartment.entrySet().stream()
            .map(
                department ->
                    new NationalReview.DepartmentShare(
                        department.getKey(),
                        department.getValue(),
                        Percentages.of(department.getValue(), figures.validated())))
            .toList();
    long fiveLargest =
        byDepartment.values().stream().limit(LARGEST).mapToLong(Long::longValue).sum();
    return new NationalReview(
        query.year(),
        query.asOf(),
        figures.dossiersStudied(),
        figures.validated(),
        figures.refused(),
        Percentages.of(figures.refused(), figures.dossiersStudied()),
        figures.permitsIssued(),
        figures.afisRecipients(),
        figures.afisMonthlyTotalCents(),
        figures.beneficiariesInEmployment(),
        figures.beneficiariesOnCdi(),
        departments,
        SizeBands.of(byDepartment),
        Percentages.of(fiveLargest, figures.validated()));
  }
}
