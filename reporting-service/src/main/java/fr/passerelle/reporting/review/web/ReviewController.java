package fr.passerelle.reporting.review.web;

import fr.passerelle.reporting.review.query.DepartmentReview;
import fr.passerelle.reporting.review.query.NationalReview;
import fr.passerelle.reporting.review.query.ReviewQueryHandler;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The annual reviews: a département's (JSON or CSV) and the national one. Who may read them is
 * checked by the route guard against the route table before anything is read (docs/security.md).
 */
@RestController
class ReviewController {

  private final ReviewQueryHandler reviews;

  ReviewController(ReviewQueryHandler reviews) {
    this.reviews = reviews;
  }

  @GetMapping("/api/departements/{departmentCode}/reports/review")
  DepartmentReview departmentReview(
      @PathVariable String departmentCode, @RequestParam(required = false) String year) {
    return reviews.handle(ReviewRequests.departmentReview(departmentCode, year));
  }

  @GetMapping("/api/departements/{departmentCode}/reports/review.csv")
  ResponseEntity<String> departmentReviewCsv(
      @PathVariable String departmentCode, @RequestParam(required = false) String year) {
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
    return reviews.handle(ReviewRequests.nationalReview(year));
  }
}
