package fr.passerelle.reporting.review.web;

import fr.passerelle.edge.security.Access;
import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import fr.passerelle.reporting.review.query.DepartmentReview;
import fr.passerelle.reporting.review.query.NationalReview;
import fr.passerelle.reporting.review.query.ReviewQueryHandler;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual reviews: a département's (JSON or CSV) and the national one. Who may read them is
 * checked here, before anything is read (docs/security.md).
 */
@RestController
class ReviewController {

  /** Who may read a département's review, on a département they act on. */
  static final Role[] DEPARTMENTAL_READERS = {
    Role.SECRETARIAT, Role.PREFECTURE, Role.AUDITOR, Role.ANALYST, Role.ADMIN
  };

  /** Who may read the national review, with {@code *} among their départements. */
  static final Role[] NATIONAL_READERS = {Role.ANALYST, Role.AUDITOR, Role.ADMIN};

  private final ReviewQueryHandler reviews;
  private final Access access;

  ReviewController(ReviewQueryHandler reviews, Access access) {
    this.reviews = reviews;
    this.access = access;
  }

  @GetMapping("/api/departements/{departmentCode}/reports/review")
  DepartmentReview departmentReview(
      @PathVariable String departmentCode, @RequestParam(required = false) String year) {
    access.require(departmentCode, DEPARTMENTAL_READERS);
    return reviews.handle(ReviewRequests.departmentReview(departmentCode, year));
  }

  @GetMapping("/api/departements/{departmentCode}/reports/review.csv")
  ResponseEntity<String> departmentReviewCsv(
      @PathVariable String departmentCode, @RequestParam(required = false) String year) {
    access.require(departmentCode, DEPARTMENTAL_READERS);
    DepartmentReview review = reviews.handle(ReviewRequests.departmentReview(departmentCode, year));
    ContentDisposition attachment =
        ContentDisposition.attachment().filename(ReviewCsv.fileName(review)).build();
    return ResponseEntity.ok()
        .contentType(ReviewCsv.MEDIA_TYPE)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
        .body(ReviewCsv.of(review));
  }

  @GetMapping("/api/reports/national")
  NationalReview nationalReview(@RequestParam(required = false) String year) {
    requireNationalReader();
    return reviews.handle(ReviewRequests.nationalReview(year));
  }

  /** A national role whose token covers every département ({@code *}), not a list of them. */
  private void requireNationalReader() {
    PasserelleUser user = access.require(PasserelleUser.EVERY_DEPARTEMENT, NATIONAL_READERS);
    if (!user.departements().contains(PasserelleUser.EVERY_DEPARTEMENT)) {
      throw new AccessDeniedException("The national review needs every département");
    }
  }
}
